"""The plugin's user interface: the Hotspot Patrol dock."""
