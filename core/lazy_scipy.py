"""scipy's heavier subpackages, imported when first used.

QGIS imports every enabled plugin when it starts, desktop and ``qgis_process``
alike, for any algorithm run: importing scipy's subpackages with the plugin
cost every start about 0.4 s (``stats``, ``optimize``, ``special`` and
``csgraph``), then 0.2 s more (``fft``, ``ndimage``, ``spatial``, ``sparse``),
though each run uses few of them.
Modules use these names as they would the subpackages themselves::

    from .lazy_scipy import stats
    stats.poisson.cdf(3, 2.0)
"""

import importlib


class _OnFirstUse:
    """A module imported the first time one of its attributes is asked for."""

    def __init__(self, name):
        self._name = name
        self._module = None

    def __getattr__(self, attribute):
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return getattr(self._module, attribute)


stats = _OnFirstUse("scipy.stats")
optimize = _OnFirstUse("scipy.optimize")
csgraph = _OnFirstUse("scipy.sparse.csgraph")
special = _OnFirstUse("scipy.special")
fft = _OnFirstUse("scipy.fft")
ndimage = _OnFirstUse("scipy.ndimage")
spatial = _OnFirstUse("scipy.spatial")
sparse = _OnFirstUse("scipy.sparse")
