<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis hasScaleBasedVisibilityFlag="0" labelsEnabled="0" maxScale="0" minScale="100000000" simplifyAlgorithm="0" simplifyDrawingHints="1" simplifyDrawingTol="1" simplifyLocal="1" simplifyMaxScale="1" styleCategories="Symbology|Labeling|Fields|Forms|AttributeTable|Rendering" symbologyReferenceScale="-1" version="3.22.16-Białowieża">
  <renderer-v2 attr="unit" enableorderby="0" forceraster="0" referencescale="-1" symbollevels="0" type="categorizedSymbol">
    <categories>
      <category label="Unit 1" render="true" symbol="0" value="1" />
      <category label="Unit 2" render="true" symbol="1" value="2" />
      <category label="Unit 3" render="true" symbol="2" value="3" />
      <category label="Unit 4" render="true" symbol="3" value="4" />
      <category label="Unit 5" render="true" symbol="4" value="5" />
      <category label="Unit 6" render="true" symbol="5" value="6" />
      <category label="Unit 7" render="true" symbol="6" value="7" />
      <category label="Unit 8" render="true" symbol="7" value="8" />
      <category label="Unit 9" render="true" symbol="8" value="9" />
      <category label="Unit 10" render="true" symbol="9" value="10" />
      <category label="Other units" render="true" symbol="10" value="" />
    </categories>
    <symbols>
      <symbol alpha="0.55" clip_to_extent="1" force_rhr="0" name="0" type="line">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" type="QString" value="" />
            <Option name="properties" />
            <Option name="type" type="QString" value="collection" />
          </Option>
        </data_defined_properties>
        <layer class="SimpleLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="align_dash_pattern" type="QString" value="0" />
            <Option name="capstyle" type="QString" value="round" />
            <Option name="customdash" type="QString" value="5;2" />
            <Option name="customdash_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="customdash_unit" type="QString" value="MM" />
            <Option name="dash_pattern_offset" type="QString" value="0" />
            <Option name="dash_pattern_offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="dash_pattern_offset_unit" type="QString" value="MM" />
            <Option name="draw_inside_polygon" type="QString" value="0" />
            <Option name="joinstyle" type="QString" value="round" />
            <Option name="line_color" type="QString" value="31,120,180,255" />
            <Option name="line_style" type="QString" value="solid" />
            <Option name="line_width" type="QString" value="0.4" />
            <Option name="line_width_unit" type="QString" value="MM" />
            <Option name="offset" type="QString" value="0" />
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_unit" type="QString" value="MM" />
            <Option name="ring_filter" type="QString" value="0" />
            <Option name="trim_distance_end" type="QString" value="0" />
            <Option name="trim_distance_end_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="trim_distance_end_unit" type="QString" value="MM" />
            <Option name="trim_distance_start" type="QString" value="0" />
            <Option name="trim_distance_start_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="trim_distance_start_unit" type="QString" value="MM" />
            <Option name="tweak_dash_pattern_on_corners" type="QString" value="0" />
            <Option name="use_custom_dash" type="QString" value="0" />
            <Option name="width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
          </Option>
          <prop k="align_dash_pattern" v="0" />
          <prop k="capstyle" v="round" />
          <prop k="customdash" v="5;2" />
          <prop k="customdash_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="customdash_unit" v="MM" />
          <prop k="dash_pattern_offset" v="0" />
          <prop k="dash_pattern_offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="dash_pattern_offset_unit" v="MM" />
          <prop k="draw_inside_polygon" v="0" />
          <prop k="joinstyle" v="round" />
          <prop k="line_color" v="31,120,180,255" />
          <prop k="line_style" v="solid" />
          <prop k="line_width" v="0.4" />
          <prop k="line_width_unit" v="MM" />
          <prop k="offset" v="0" />
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_unit" v="MM" />
          <prop k="ring_filter" v="0" />
          <prop k="trim_distance_end" v="0" />
          <prop k="trim_distance_end_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="trim_distance_end_unit" v="MM" />
          <prop k="trim_distance_start" v="0" />
          <prop k="trim_distance_start_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="trim_distance_start_unit" v="MM" />
          <prop k="tweak_dash_pattern_on_corners" v="0" />
          <prop k="use_custom_dash" v="0" />
          <prop k="width_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value="" />
              <Option name="properties" />
              <Option name="type" type="QString" value="collection" />
            </Option>
          </data_defined_properties>
        </layer>
        <layer class="MarkerLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="average_angle_length" type="QString" value="4" />
            <Option name="average_angle_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="average_angle_unit" type="QString" value="MM" />
            <Option name="interval" type="QString" value="3" />
            <Option name="interval_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="interval_unit" type="QString" value="MM" />
            <Option name="offset" type="QString" value="0" />
            <Option name="offset_along_line" type="QString" value="0" />
            <Option name="offset_along_line_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_along_line_unit" type="QString" value="MM" />
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_unit" type="QString" value="MM" />
            <Option name="placement" type="QString" value="segmentcenter" />
            <Option name="ring_filter" type="QString" value="0" />
            <Option name="rotate" type="QString" value="1" />
          </Option>
          <prop k="average_angle_length" v="4" />
          <prop k="average_angle_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="average_angle_unit" v="MM" />
          <prop k="interval" v="3" />
          <prop k="interval_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="interval_unit" v="MM" />
          <prop k="offset" v="0" />
          <prop k="offset_along_line" v="0" />
          <prop k="offset_along_line_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_along_line_unit" v="MM" />
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_unit" v="MM" />
          <prop k="placement" v="segmentcenter" />
          <prop k="ring_filter" v="0" />
          <prop k="rotate" v="1" />
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value="" />
              <Option name="properties" />
              <Option name="type" type="QString" value="collection" />
            </Option>
          </data_defined_properties>
          <symbol alpha="1" clip_to_extent="1" force_rhr="0" name="@0@1" type="marker">
            <data_defined_properties>
              <Option type="Map">
                <Option name="name" type="QString" value="" />
                <Option name="properties" />
                <Option name="type" type="QString" value="collection" />
              </Option>
            </data_defined_properties>
            <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
              <Option type="Map">
                <Option name="angle" type="QString" value="0" />
                <Option name="cap_style" type="QString" value="square" />
                <Option name="color" type="QString" value="31,120,180,255" />
                <Option name="horizontal_anchor_point" type="QString" value="1" />
                <Option name="joinstyle" type="QString" value="bevel" />
                <Option name="name" type="QString" value="filled_arrowhead" />
                <Option name="offset" type="QString" value="0,0" />
                <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
                <Option name="offset_unit" type="QString" value="MM" />
                <Option name="outline_color" type="QString" value="35,35,35,255" />
                <Option name="outline_style" type="QString" value="no" />
                <Option name="outline_width" type="QString" value="0" />
                <Option name="outline_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
                <Option name="outline_width_unit" type="QString" value="MM" />
                <Option name="scale_method" type="QString" value="diameter" />
                <Option name="size" type="QString" value="3.6" />
                <Option name="size_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
                <Option name="size_unit" type="QString" value="MM" />
                <Option name="vertical_anchor_point" type="QString" value="1" />
              </Option>
              <prop k="angle" v="0" />
              <prop k="cap_style" v="square" />
              <prop k="color" v="31,120,180,255" />
              <prop k="horizontal_anchor_point" v="1" />
              <prop k="joinstyle" v="bevel" />
              <prop k="name" v="filled_arrowhead" />
              <prop k="offset" v="0,0" />
              <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
              <prop k="offset_unit" v="MM" />
              <prop k="outline_color" v="35,35,35,255" />
              <prop k="outline_style" v="no" />
              <prop k="outline_width" v="0" />
              <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0" />
              <prop k="outline_width_unit" v="MM" />
              <prop k="scale_method" v="diameter" />
              <prop k="size" v="3.6" />
              <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0" />
              <prop k="size_unit" v="MM" />
              <prop k="vertical_anchor_point" v="1" />
              <data_defined_properties>
                <Option type="Map">
                  <Option name="name" type="QString" value="" />
                  <Option name="properties" />
                  <Option name="type" type="QString" value="collection" />
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </layer>
      </symbol>
      <symbol alpha="0.55" clip_to_extent="1" force_rhr="0" name="1" type="line">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" type="QString" value="" />
            <Option name="properties" />
            <Option name="type" type="QString" value="collection" />
          </Option>
        </data_defined_properties>
        <layer class="SimpleLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="align_dash_pattern" type="QString" value="0" />
            <Option name="capstyle" type="QString" value="round" />
            <Option name="customdash" type="QString" value="5;2" />
            <Option name="customdash_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="customdash_unit" type="QString" value="MM" />
            <Option name="dash_pattern_offset" type="QString" value="0" />
            <Option name="dash_pattern_offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="dash_pattern_offset_unit" type="QString" value="MM" />
            <Option name="draw_inside_polygon" type="QString" value="0" />
            <Option name="joinstyle" type="QString" value="round" />
            <Option name="line_color" type="QString" value="51,160,44,255" />
            <Option name="line_style" type="QString" value="solid" />
            <Option name="line_width" type="QString" value="0.4" />
            <Option name="line_width_unit" type="QString" value="MM" />
            <Option name="offset" type="QString" value="0" />
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_unit" type="QString" value="MM" />
            <Option name="ring_filter" type="QString" value="0" />
            <Option name="trim_distance_end" type="QString" value="0" />
            <Option name="trim_distance_end_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="trim_distance_end_unit" type="QString" value="MM" />
            <Option name="trim_distance_start" type="QString" value="0" />
            <Option name="trim_distance_start_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="trim_distance_start_unit" type="QString" value="MM" />
            <Option name="tweak_dash_pattern_on_corners" type="QString" value="0" />
            <Option name="use_custom_dash" type="QString" value="0" />
            <Option name="width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
          </Option>
          <prop k="align_dash_pattern" v="0" />
          <prop k="capstyle" v="round" />
          <prop k="customdash" v="5;2" />
          <prop k="customdash_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="customdash_unit" v="MM" />
          <prop k="dash_pattern_offset" v="0" />
          <prop k="dash_pattern_offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="dash_pattern_offset_unit" v="MM" />
          <prop k="draw_inside_polygon" v="0" />
          <prop k="joinstyle" v="round" />
          <prop k="line_color" v="51,160,44,255" />
          <prop k="line_style" v="solid" />
          <prop k="line_width" v="0.4" />
          <prop k="line_width_unit" v="MM" />
          <prop k="offset" v="0" />
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_unit" v="MM" />
          <prop k="ring_filter" v="0" />
          <prop k="trim_distance_end" v="0" />
          <prop k="trim_distance_end_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="trim_distance_end_unit" v="MM" />
          <prop k="trim_distance_start" v="0" />
          <prop k="trim_distance_start_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="trim_distance_start_unit" v="MM" />
          <prop k="tweak_dash_pattern_on_corners" v="0" />
          <prop k="use_custom_dash" v="0" />
          <prop k="width_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value="" />
              <Option name="properties" />
              <Option name="type" type="QString" value="collection" />
            </Option>
          </data_defined_properties>
        </layer>
        <layer class="MarkerLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="average_angle_length" type="QString" value="4" />
            <Option name="average_angle_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="average_angle_unit" type="QString" value="MM" />
            <Option name="interval" type="QString" value="3" />
            <Option name="interval_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="interval_unit" type="QString" value="MM" />
            <Option name="offset" type="QString" value="0" />
            <Option name="offset_along_line" type="QString" value="0" />
            <Option name="offset_along_line_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_along_line_unit" type="QString" value="MM" />
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_unit" type="QString" value="MM" />
            <Option name="placement" type="QString" value="segmentcenter" />
            <Option name="ring_filter" type="QString" value="0" />
            <Option name="rotate" type="QString" value="1" />
          </Option>
          <prop k="average_angle_length" v="4" />
          <prop k="average_angle_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="average_angle_unit" v="MM" />
          <prop k="interval" v="3" />
          <prop k="interval_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="interval_unit" v="MM" />
          <prop k="offset" v="0" />
          <prop k="offset_along_line" v="0" />
          <prop k="offset_along_line_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_along_line_unit" v="MM" />
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_unit" v="MM" />
          <prop k="placement" v="segmentcenter" />
          <prop k="ring_filter" v="0" />
          <prop k="rotate" v="1" />
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value="" />
              <Option name="properties" />
              <Option name="type" type="QString" value="collection" />
            </Option>
          </data_defined_properties>
          <symbol alpha="1" clip_to_extent="1" force_rhr="0" name="@1@1" type="marker">
            <data_defined_properties>
              <Option type="Map">
                <Option name="name" type="QString" value="" />
                <Option name="properties" />
                <Option name="type" type="QString" value="collection" />
              </Option>
            </data_defined_properties>
            <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
              <Option type="Map">
                <Option name="angle" type="QString" value="0" />
                <Option name="cap_style" type="QString" value="square" />
                <Option name="color" type="QString" value="51,160,44,255" />
                <Option name="horizontal_anchor_point" type="QString" value="1" />
                <Option name="joinstyle" type="QString" value="bevel" />
                <Option name="name" type="QString" value="filled_arrowhead" />
                <Option name="offset" type="QString" value="0,0" />
                <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
                <Option name="offset_unit" type="QString" value="MM" />
                <Option name="outline_color" type="QString" value="35,35,35,255" />
                <Option name="outline_style" type="QString" value="no" />
                <Option name="outline_width" type="QString" value="0" />
                <Option name="outline_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
                <Option name="outline_width_unit" type="QString" value="MM" />
                <Option name="scale_method" type="QString" value="diameter" />
                <Option name="size" type="QString" value="3.6" />
                <Option name="size_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
                <Option name="size_unit" type="QString" value="MM" />
                <Option name="vertical_anchor_point" type="QString" value="1" />
              </Option>
              <prop k="angle" v="0" />
              <prop k="cap_style" v="square" />
              <prop k="color" v="51,160,44,255" />
              <prop k="horizontal_anchor_point" v="1" />
              <prop k="joinstyle" v="bevel" />
              <prop k="name" v="filled_arrowhead" />
              <prop k="offset" v="0,0" />
              <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
              <prop k="offset_unit" v="MM" />
              <prop k="outline_color" v="35,35,35,255" />
              <prop k="outline_style" v="no" />
              <prop k="outline_width" v="0" />
              <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0" />
              <prop k="outline_width_unit" v="MM" />
              <prop k="scale_method" v="diameter" />
              <prop k="size" v="3.6" />
              <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0" />
              <prop k="size_unit" v="MM" />
              <prop k="vertical_anchor_point" v="1" />
              <data_defined_properties>
                <Option type="Map">
                  <Option name="name" type="QString" value="" />
                  <Option name="properties" />
                  <Option name="type" type="QString" value="collection" />
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </layer>
      </symbol>
      <symbol alpha="0.55" clip_to_extent="1" force_rhr="0" name="10" type="line">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" type="QString" value="" />
            <Option name="properties" />
            <Option name="type" type="QString" value="collection" />
          </Option>
        </data_defined_properties>
        <layer class="SimpleLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="align_dash_pattern" type="QString" value="0" />
            <Option name="capstyle" type="QString" value="round" />
            <Option name="customdash" type="QString" value="5;2" />
            <Option name="customdash_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="customdash_unit" type="QString" value="MM" />
            <Option name="dash_pattern_offset" type="QString" value="0" />
            <Option name="dash_pattern_offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="dash_pattern_offset_unit" type="QString" value="MM" />
            <Option name="draw_inside_polygon" type="QString" value="0" />
            <Option name="joinstyle" type="QString" value="round" />
            <Option name="line_color" type="QString" value="0,0,0,255" />
            <Option name="line_style" type="QString" value="solid" />
            <Option name="line_width" type="QString" value="0.4" />
            <Option name="line_width_unit" type="QString" value="MM" />
            <Option name="offset" type="QString" value="0" />
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_unit" type="QString" value="MM" />
            <Option name="ring_filter" type="QString" value="0" />
            <Option name="trim_distance_end" type="QString" value="0" />
            <Option name="trim_distance_end_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="trim_distance_end_unit" type="QString" value="MM" />
            <Option name="trim_distance_start" type="QString" value="0" />
            <Option name="trim_distance_start_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="trim_distance_start_unit" type="QString" value="MM" />
            <Option name="tweak_dash_pattern_on_corners" type="QString" value="0" />
            <Option name="use_custom_dash" type="QString" value="0" />
            <Option name="width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
          </Option>
          <prop k="align_dash_pattern" v="0" />
          <prop k="capstyle" v="round" />
          <prop k="customdash" v="5;2" />
          <prop k="customdash_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="customdash_unit" v="MM" />
          <prop k="dash_pattern_offset" v="0" />
          <prop k="dash_pattern_offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="dash_pattern_offset_unit" v="MM" />
          <prop k="draw_inside_polygon" v="0" />
          <prop k="joinstyle" v="round" />
          <prop k="line_color" v="0,0,0,255" />
          <prop k="line_style" v="solid" />
          <prop k="line_width" v="0.4" />
          <prop k="line_width_unit" v="MM" />
          <prop k="offset" v="0" />
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_unit" v="MM" />
          <prop k="ring_filter" v="0" />
          <prop k="trim_distance_end" v="0" />
          <prop k="trim_distance_end_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="trim_distance_end_unit" v="MM" />
          <prop k="trim_distance_start" v="0" />
          <prop k="trim_distance_start_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="trim_distance_start_unit" v="MM" />
          <prop k="tweak_dash_pattern_on_corners" v="0" />
          <prop k="use_custom_dash" v="0" />
          <prop k="width_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value="" />
              <Option name="properties" />
              <Option name="type" type="QString" value="collection" />
            </Option>
          </data_defined_properties>
        </layer>
        <layer class="MarkerLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="average_angle_length" type="QString" value="4" />
            <Option name="average_angle_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="average_angle_unit" type="QString" value="MM" />
            <Option name="interval" type="QString" value="3" />
            <Option name="interval_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="interval_unit" type="QString" value="MM" />
            <Option name="offset" type="QString" value="0" />
            <Option name="offset_along_line" type="QString" value="0" />
            <Option name="offset_along_line_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_along_line_unit" type="QString" value="MM" />
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_unit" type="QString" value="MM" />
            <Option name="placement" type="QString" value="segmentcenter" />
            <Option name="ring_filter" type="QString" value="0" />
            <Option name="rotate" type="QString" value="1" />
          </Option>
          <prop k="average_angle_length" v="4" />
          <prop k="average_angle_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="average_angle_unit" v="MM" />
          <prop k="interval" v="3" />
          <prop k="interval_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="interval_unit" v="MM" />
          <prop k="offset" v="0" />
          <prop k="offset_along_line" v="0" />
          <prop k="offset_along_line_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_along_line_unit" v="MM" />
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_unit" v="MM" />
          <prop k="placement" v="segmentcenter" />
          <prop k="ring_filter" v="0" />
          <prop k="rotate" v="1" />
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value="" />
              <Option name="properties" />
              <Option name="type" type="QString" value="collection" />
            </Option>
          </data_defined_properties>
          <symbol alpha="1" clip_to_extent="1" force_rhr="0" name="@10@1" type="marker">
            <data_defined_properties>
              <Option type="Map">
                <Option name="name" type="QString" value="" />
                <Option name="properties" />
                <Option name="type" type="QString" value="collection" />
              </Option>
            </data_defined_properties>
            <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
              <Option type="Map">
                <Option name="angle" type="QString" value="0" />
                <Option name="cap_style" type="QString" value="square" />
                <Option name="color" type="QString" value="0,0,0,255" />
                <Option name="horizontal_anchor_point" type="QString" value="1" />
                <Option name="joinstyle" type="QString" value="bevel" />
                <Option name="name" type="QString" value="filled_arrowhead" />
                <Option name="offset" type="QString" value="0,0" />
                <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
                <Option name="offset_unit" type="QString" value="MM" />
                <Option name="outline_color" type="QString" value="35,35,35,255" />
                <Option name="outline_style" type="QString" value="no" />
                <Option name="outline_width" type="QString" value="0" />
                <Option name="outline_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
                <Option name="outline_width_unit" type="QString" value="MM" />
                <Option name="scale_method" type="QString" value="diameter" />
                <Option name="size" type="QString" value="3.6" />
                <Option name="size_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
                <Option name="size_unit" type="QString" value="MM" />
                <Option name="vertical_anchor_point" type="QString" value="1" />
              </Option>
              <prop k="angle" v="0" />
              <prop k="cap_style" v="square" />
              <prop k="color" v="0,0,0,255" />
              <prop k="horizontal_anchor_point" v="1" />
              <prop k="joinstyle" v="bevel" />
              <prop k="name" v="filled_arrowhead" />
              <prop k="offset" v="0,0" />
              <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
              <prop k="offset_unit" v="MM" />
              <prop k="outline_color" v="35,35,35,255" />
              <prop k="outline_style" v="no" />
              <prop k="outline_width" v="0" />
              <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0" />
              <prop k="outline_width_unit" v="MM" />
              <prop k="scale_method" v="diameter" />
              <prop k="size" v="3.6" />
              <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0" />
              <prop k="size_unit" v="MM" />
              <prop k="vertical_anchor_point" v="1" />
              <data_defined_properties>
                <Option type="Map">
                  <Option name="name" type="QString" value="" />
                  <Option name="properties" />
                  <Option name="type" type="QString" value="collection" />
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </layer>
      </symbol>
      <symbol alpha="0.55" clip_to_extent="1" force_rhr="0" name="2" type="line">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" type="QString" value="" />
            <Option name="properties" />
            <Option name="type" type="QString" value="collection" />
          </Option>
        </data_defined_properties>
        <layer class="SimpleLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="align_dash_pattern" type="QString" value="0" />
            <Option name="capstyle" type="QString" value="round" />
            <Option name="customdash" type="QString" value="5;2" />
            <Option name="customdash_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="customdash_unit" type="QString" value="MM" />
            <Option name="dash_pattern_offset" type="QString" value="0" />
            <Option name="dash_pattern_offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="dash_pattern_offset_unit" type="QString" value="MM" />
            <Option name="draw_inside_polygon" type="QString" value="0" />
            <Option name="joinstyle" type="QString" value="round" />
            <Option name="line_color" type="QString" value="106,61,154,255" />
            <Option name="line_style" type="QString" value="solid" />
            <Option name="line_width" type="QString" value="0.4" />
            <Option name="line_width_unit" type="QString" value="MM" />
            <Option name="offset" type="QString" value="0" />
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_unit" type="QString" value="MM" />
            <Option name="ring_filter" type="QString" value="0" />
            <Option name="trim_distance_end" type="QString" value="0" />
            <Option name="trim_distance_end_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="trim_distance_end_unit" type="QString" value="MM" />
            <Option name="trim_distance_start" type="QString" value="0" />
            <Option name="trim_distance_start_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="trim_distance_start_unit" type="QString" value="MM" />
            <Option name="tweak_dash_pattern_on_corners" type="QString" value="0" />
            <Option name="use_custom_dash" type="QString" value="0" />
            <Option name="width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
          </Option>
          <prop k="align_dash_pattern" v="0" />
          <prop k="capstyle" v="round" />
          <prop k="customdash" v="5;2" />
          <prop k="customdash_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="customdash_unit" v="MM" />
          <prop k="dash_pattern_offset" v="0" />
          <prop k="dash_pattern_offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="dash_pattern_offset_unit" v="MM" />
          <prop k="draw_inside_polygon" v="0" />
          <prop k="joinstyle" v="round" />
          <prop k="line_color" v="106,61,154,255" />
          <prop k="line_style" v="solid" />
          <prop k="line_width" v="0.4" />
          <prop k="line_width_unit" v="MM" />
          <prop k="offset" v="0" />
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_unit" v="MM" />
          <prop k="ring_filter" v="0" />
          <prop k="trim_distance_end" v="0" />
          <prop k="trim_distance_end_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="trim_distance_end_unit" v="MM" />
          <prop k="trim_distance_start" v="0" />
          <prop k="trim_distance_start_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="trim_distance_start_unit" v="MM" />
          <prop k="tweak_dash_pattern_on_corners" v="0" />
          <prop k="use_custom_dash" v="0" />
          <prop k="width_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value="" />
              <Option name="properties" />
              <Option name="type" type="QString" value="collection" />
            </Option>
          </data_defined_properties>
        </layer>
        <layer class="MarkerLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="average_angle_length" type="QString" value="4" />
            <Option name="average_angle_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="average_angle_unit" type="QString" value="MM" />
            <Option name="interval" type="QString" value="3" />
            <Option name="interval_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="interval_unit" type="QString" value="MM" />
            <Option name="offset" type="QString" value="0" />
            <Option name="offset_along_line" type="QString" value="0" />
            <Option name="offset_along_line_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_along_line_unit" type="QString" value="MM" />
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_unit" type="QString" value="MM" />
            <Option name="placement" type="QString" value="segmentcenter" />
            <Option name="ring_filter" type="QString" value="0" />
            <Option name="rotate" type="QString" value="1" />
          </Option>
          <prop k="average_angle_length" v="4" />
          <prop k="average_angle_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="average_angle_unit" v="MM" />
          <prop k="interval" v="3" />
          <prop k="interval_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="interval_unit" v="MM" />
          <prop k="offset" v="0" />
          <prop k="offset_along_line" v="0" />
          <prop k="offset_along_line_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_along_line_unit" v="MM" />
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_unit" v="MM" />
          <prop k="placement" v="segmentcenter" />
          <prop k="ring_filter" v="0" />
          <prop k="rotate" v="1" />
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value="" />
              <Option name="properties" />
              <Option name="type" type="QString" value="collection" />
            </Option>
          </data_defined_properties>
          <symbol alpha="1" clip_to_extent="1" force_rhr="0" name="@2@1" type="marker">
            <data_defined_properties>
              <Option type="Map">
                <Option name="name" type="QString" value="" />
                <Option name="properties" />
                <Option name="type" type="QString" value="collection" />
              </Option>
            </data_defined_properties>
            <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
              <Option type="Map">
                <Option name="angle" type="QString" value="0" />
                <Option name="cap_style" type="QString" value="square" />
                <Option name="color" type="QString" value="106,61,154,255" />
                <Option name="horizontal_anchor_point" type="QString" value="1" />
                <Option name="joinstyle" type="QString" value="bevel" />
                <Option name="name" type="QString" value="filled_arrowhead" />
                <Option name="offset" type="QString" value="0,0" />
                <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
                <Option name="offset_unit" type="QString" value="MM" />
                <Option name="outline_color" type="QString" value="35,35,35,255" />
                <Option name="outline_style" type="QString" value="no" />
                <Option name="outline_width" type="QString" value="0" />
                <Option name="outline_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
                <Option name="outline_width_unit" type="QString" value="MM" />
                <Option name="scale_method" type="QString" value="diameter" />
                <Option name="size" type="QString" value="3.6" />
                <Option name="size_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
                <Option name="size_unit" type="QString" value="MM" />
                <Option name="vertical_anchor_point" type="QString" value="1" />
              </Option>
              <prop k="angle" v="0" />
              <prop k="cap_style" v="square" />
              <prop k="color" v="106,61,154,255" />
              <prop k="horizontal_anchor_point" v="1" />
              <prop k="joinstyle" v="bevel" />
              <prop k="name" v="filled_arrowhead" />
              <prop k="offset" v="0,0" />
              <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
              <prop k="offset_unit" v="MM" />
              <prop k="outline_color" v="35,35,35,255" />
              <prop k="outline_style" v="no" />
              <prop k="outline_width" v="0" />
              <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0" />
              <prop k="outline_width_unit" v="MM" />
              <prop k="scale_method" v="diameter" />
              <prop k="size" v="3.6" />
              <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0" />
              <prop k="size_unit" v="MM" />
              <prop k="vertical_anchor_point" v="1" />
              <data_defined_properties>
                <Option type="Map">
                  <Option name="name" type="QString" value="" />
                  <Option name="properties" />
                  <Option name="type" type="QString" value="collection" />
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </layer>
      </symbol>
      <symbol alpha="0.55" clip_to_extent="1" force_rhr="0" name="3" type="line">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" type="QString" value="" />
            <Option name="properties" />
            <Option name="type" type="QString" value="collection" />
          </Option>
        </data_defined_properties>
        <layer class="SimpleLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="align_dash_pattern" type="QString" value="0" />
            <Option name="capstyle" type="QString" value="round" />
            <Option name="customdash" type="QString" value="5;2" />
            <Option name="customdash_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="customdash_unit" type="QString" value="MM" />
            <Option name="dash_pattern_offset" type="QString" value="0" />
            <Option name="dash_pattern_offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="dash_pattern_offset_unit" type="QString" value="MM" />
            <Option name="draw_inside_polygon" type="QString" value="0" />
            <Option name="joinstyle" type="QString" value="round" />
            <Option name="line_color" type="QString" value="255,127,0,255" />
            <Option name="line_style" type="QString" value="solid" />
            <Option name="line_width" type="QString" value="0.4" />
            <Option name="line_width_unit" type="QString" value="MM" />
            <Option name="offset" type="QString" value="0" />
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_unit" type="QString" value="MM" />
            <Option name="ring_filter" type="QString" value="0" />
            <Option name="trim_distance_end" type="QString" value="0" />
            <Option name="trim_distance_end_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="trim_distance_end_unit" type="QString" value="MM" />
            <Option name="trim_distance_start" type="QString" value="0" />
            <Option name="trim_distance_start_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="trim_distance_start_unit" type="QString" value="MM" />
            <Option name="tweak_dash_pattern_on_corners" type="QString" value="0" />
            <Option name="use_custom_dash" type="QString" value="0" />
            <Option name="width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
          </Option>
          <prop k="align_dash_pattern" v="0" />
          <prop k="capstyle" v="round" />
          <prop k="customdash" v="5;2" />
          <prop k="customdash_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="customdash_unit" v="MM" />
          <prop k="dash_pattern_offset" v="0" />
          <prop k="dash_pattern_offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="dash_pattern_offset_unit" v="MM" />
          <prop k="draw_inside_polygon" v="0" />
          <prop k="joinstyle" v="round" />
          <prop k="line_color" v="255,127,0,255" />
          <prop k="line_style" v="solid" />
          <prop k="line_width" v="0.4" />
          <prop k="line_width_unit" v="MM" />
          <prop k="offset" v="0" />
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_unit" v="MM" />
          <prop k="ring_filter" v="0" />
          <prop k="trim_distance_end" v="0" />
          <prop k="trim_distance_end_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="trim_distance_end_unit" v="MM" />
          <prop k="trim_distance_start" v="0" />
          <prop k="trim_distance_start_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="trim_distance_start_unit" v="MM" />
          <prop k="tweak_dash_pattern_on_corners" v="0" />
          <prop k="use_custom_dash" v="0" />
          <prop k="width_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value="" />
              <Option name="properties" />
              <Option name="type" type="QString" value="collection" />
            </Option>
          </data_defined_properties>
        </layer>
        <layer class="MarkerLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="average_angle_length" type="QString" value="4" />
            <Option name="average_angle_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="average_angle_unit" type="QString" value="MM" />
            <Option name="interval" type="QString" value="3" />
            <Option name="interval_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="interval_unit" type="QString" value="MM" />
            <Option name="offset" type="QString" value="0" />
            <Option name="offset_along_line" type="QString" value="0" />
            <Option name="offset_along_line_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_along_line_unit" type="QString" value="MM" />
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_unit" type="QString" value="MM" />
            <Option name="placement" type="QString" value="segmentcenter" />
            <Option name="ring_filter" type="QString" value="0" />
            <Option name="rotate" type="QString" value="1" />
          </Option>
          <prop k="average_angle_length" v="4" />
          <prop k="average_angle_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="average_angle_unit" v="MM" />
          <prop k="interval" v="3" />
          <prop k="interval_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="interval_unit" v="MM" />
          <prop k="offset" v="0" />
          <prop k="offset_along_line" v="0" />
          <prop k="offset_along_line_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_along_line_unit" v="MM" />
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_unit" v="MM" />
          <prop k="placement" v="segmentcenter" />
          <prop k="ring_filter" v="0" />
          <prop k="rotate" v="1" />
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value="" />
              <Option name="properties" />
              <Option name="type" type="QString" value="collection" />
            </Option>
          </data_defined_properties>
          <symbol alpha="1" clip_to_extent="1" force_rhr="0" name="@3@1" type="marker">
            <data_defined_properties>
              <Option type="Map">
                <Option name="name" type="QString" value="" />
                <Option name="properties" />
                <Option name="type" type="QString" value="collection" />
              </Option>
            </data_defined_properties>
            <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
              <Option type="Map">
                <Option name="angle" type="QString" value="0" />
                <Option name="cap_style" type="QString" value="square" />
                <Option name="color" type="QString" value="255,127,0,255" />
                <Option name="horizontal_anchor_point" type="QString" value="1" />
                <Option name="joinstyle" type="QString" value="bevel" />
                <Option name="name" type="QString" value="filled_arrowhead" />
                <Option name="offset" type="QString" value="0,0" />
                <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
                <Option name="offset_unit" type="QString" value="MM" />
                <Option name="outline_color" type="QString" value="35,35,35,255" />
                <Option name="outline_style" type="QString" value="no" />
                <Option name="outline_width" type="QString" value="0" />
                <Option name="outline_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
                <Option name="outline_width_unit" type="QString" value="MM" />
                <Option name="scale_method" type="QString" value="diameter" />
                <Option name="size" type="QString" value="3.6" />
                <Option name="size_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
                <Option name="size_unit" type="QString" value="MM" />
                <Option name="vertical_anchor_point" type="QString" value="1" />
              </Option>
              <prop k="angle" v="0" />
              <prop k="cap_style" v="square" />
              <prop k="color" v="255,127,0,255" />
              <prop k="horizontal_anchor_point" v="1" />
              <prop k="joinstyle" v="bevel" />
              <prop k="name" v="filled_arrowhead" />
              <prop k="offset" v="0,0" />
              <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
              <prop k="offset_unit" v="MM" />
              <prop k="outline_color" v="35,35,35,255" />
              <prop k="outline_style" v="no" />
              <prop k="outline_width" v="0" />
              <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0" />
              <prop k="outline_width_unit" v="MM" />
              <prop k="scale_method" v="diameter" />
              <prop k="size" v="3.6" />
              <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0" />
              <prop k="size_unit" v="MM" />
              <prop k="vertical_anchor_point" v="1" />
              <data_defined_properties>
                <Option type="Map">
                  <Option name="name" type="QString" value="" />
                  <Option name="properties" />
                  <Option name="type" type="QString" value="collection" />
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </layer>
      </symbol>
      <symbol alpha="0.55" clip_to_extent="1" force_rhr="0" name="4" type="line">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" type="QString" value="" />
            <Option name="properties" />
            <Option name="type" type="QString" value="collection" />
          </Option>
        </data_defined_properties>
        <layer class="SimpleLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="align_dash_pattern" type="QString" value="0" />
            <Option name="capstyle" type="QString" value="round" />
            <Option name="customdash" type="QString" value="5;2" />
            <Option name="customdash_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="customdash_unit" type="QString" value="MM" />
            <Option name="dash_pattern_offset" type="QString" value="0" />
            <Option name="dash_pattern_offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="dash_pattern_offset_unit" type="QString" value="MM" />
            <Option name="draw_inside_polygon" type="QString" value="0" />
            <Option name="joinstyle" type="QString" value="round" />
            <Option name="line_color" type="QString" value="0,134,139,255" />
            <Option name="line_style" type="QString" value="solid" />
            <Option name="line_width" type="QString" value="0.4" />
            <Option name="line_width_unit" type="QString" value="MM" />
            <Option name="offset" type="QString" value="0" />
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_unit" type="QString" value="MM" />
            <Option name="ring_filter" type="QString" value="0" />
            <Option name="trim_distance_end" type="QString" value="0" />
            <Option name="trim_distance_end_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="trim_distance_end_unit" type="QString" value="MM" />
            <Option name="trim_distance_start" type="QString" value="0" />
            <Option name="trim_distance_start_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="trim_distance_start_unit" type="QString" value="MM" />
            <Option name="tweak_dash_pattern_on_corners" type="QString" value="0" />
            <Option name="use_custom_dash" type="QString" value="0" />
            <Option name="width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
          </Option>
          <prop k="align_dash_pattern" v="0" />
          <prop k="capstyle" v="round" />
          <prop k="customdash" v="5;2" />
          <prop k="customdash_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="customdash_unit" v="MM" />
          <prop k="dash_pattern_offset" v="0" />
          <prop k="dash_pattern_offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="dash_pattern_offset_unit" v="MM" />
          <prop k="draw_inside_polygon" v="0" />
          <prop k="joinstyle" v="round" />
          <prop k="line_color" v="0,134,139,255" />
          <prop k="line_style" v="solid" />
          <prop k="line_width" v="0.4" />
          <prop k="line_width_unit" v="MM" />
          <prop k="offset" v="0" />
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_unit" v="MM" />
          <prop k="ring_filter" v="0" />
          <prop k="trim_distance_end" v="0" />
          <prop k="trim_distance_end_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="trim_distance_end_unit" v="MM" />
          <prop k="trim_distance_start" v="0" />
          <prop k="trim_distance_start_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="trim_distance_start_unit" v="MM" />
          <prop k="tweak_dash_pattern_on_corners" v="0" />
          <prop k="use_custom_dash" v="0" />
          <prop k="width_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value="" />
              <Option name="properties" />
              <Option name="type" type="QString" value="collection" />
            </Option>
          </data_defined_properties>
        </layer>
        <layer class="MarkerLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="average_angle_length" type="QString" value="4" />
            <Option name="average_angle_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="average_angle_unit" type="QString" value="MM" />
            <Option name="interval" type="QString" value="3" />
            <Option name="interval_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="interval_unit" type="QString" value="MM" />
            <Option name="offset" type="QString" value="0" />
            <Option name="offset_along_line" type="QString" value="0" />
            <Option name="offset_along_line_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_along_line_unit" type="QString" value="MM" />
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_unit" type="QString" value="MM" />
            <Option name="placement" type="QString" value="segmentcenter" />
            <Option name="ring_filter" type="QString" value="0" />
            <Option name="rotate" type="QString" value="1" />
          </Option>
          <prop k="average_angle_length" v="4" />
          <prop k="average_angle_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="average_angle_unit" v="MM" />
          <prop k="interval" v="3" />
          <prop k="interval_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="interval_unit" v="MM" />
          <prop k="offset" v="0" />
          <prop k="offset_along_line" v="0" />
          <prop k="offset_along_line_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_along_line_unit" v="MM" />
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_unit" v="MM" />
          <prop k="placement" v="segmentcenter" />
          <prop k="ring_filter" v="0" />
          <prop k="rotate" v="1" />
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value="" />
              <Option name="properties" />
              <Option name="type" type="QString" value="collection" />
            </Option>
          </data_defined_properties>
          <symbol alpha="1" clip_to_extent="1" force_rhr="0" name="@4@1" type="marker">
            <data_defined_properties>
              <Option type="Map">
                <Option name="name" type="QString" value="" />
                <Option name="properties" />
                <Option name="type" type="QString" value="collection" />
              </Option>
            </data_defined_properties>
            <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
              <Option type="Map">
                <Option name="angle" type="QString" value="0" />
                <Option name="cap_style" type="QString" value="square" />
                <Option name="color" type="QString" value="0,134,139,255" />
                <Option name="horizontal_anchor_point" type="QString" value="1" />
                <Option name="joinstyle" type="QString" value="bevel" />
                <Option name="name" type="QString" value="filled_arrowhead" />
                <Option name="offset" type="QString" value="0,0" />
                <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
                <Option name="offset_unit" type="QString" value="MM" />
                <Option name="outline_color" type="QString" value="35,35,35,255" />
                <Option name="outline_style" type="QString" value="no" />
                <Option name="outline_width" type="QString" value="0" />
                <Option name="outline_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
                <Option name="outline_width_unit" type="QString" value="MM" />
                <Option name="scale_method" type="QString" value="diameter" />
                <Option name="size" type="QString" value="3.6" />
                <Option name="size_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
                <Option name="size_unit" type="QString" value="MM" />
                <Option name="vertical_anchor_point" type="QString" value="1" />
              </Option>
              <prop k="angle" v="0" />
              <prop k="cap_style" v="square" />
              <prop k="color" v="0,134,139,255" />
              <prop k="horizontal_anchor_point" v="1" />
              <prop k="joinstyle" v="bevel" />
              <prop k="name" v="filled_arrowhead" />
              <prop k="offset" v="0,0" />
              <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
              <prop k="offset_unit" v="MM" />
              <prop k="outline_color" v="35,35,35,255" />
              <prop k="outline_style" v="no" />
              <prop k="outline_width" v="0" />
              <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0" />
              <prop k="outline_width_unit" v="MM" />
              <prop k="scale_method" v="diameter" />
              <prop k="size" v="3.6" />
              <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0" />
              <prop k="size_unit" v="MM" />
              <prop k="vertical_anchor_point" v="1" />
              <data_defined_properties>
                <Option type="Map">
                  <Option name="name" type="QString" value="" />
                  <Option name="properties" />
                  <Option name="type" type="QString" value="collection" />
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </layer>
      </symbol>
      <symbol alpha="0.55" clip_to_extent="1" force_rhr="0" name="5" type="line">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" type="QString" value="" />
            <Option name="properties" />
            <Option name="type" type="QString" value="collection" />
          </Option>
        </data_defined_properties>
        <layer class="SimpleLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="align_dash_pattern" type="QString" value="0" />
            <Option name="capstyle" type="QString" value="round" />
            <Option name="customdash" type="QString" value="5;2" />
            <Option name="customdash_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="customdash_unit" type="QString" value="MM" />
            <Option name="dash_pattern_offset" type="QString" value="0" />
            <Option name="dash_pattern_offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="dash_pattern_offset_unit" type="QString" value="MM" />
            <Option name="draw_inside_polygon" type="QString" value="0" />
            <Option name="joinstyle" type="QString" value="round" />
            <Option name="line_color" type="QString" value="177,89,40,255" />
            <Option name="line_style" type="QString" value="solid" />
            <Option name="line_width" type="QString" value="0.4" />
            <Option name="line_width_unit" type="QString" value="MM" />
            <Option name="offset" type="QString" value="0" />
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_unit" type="QString" value="MM" />
            <Option name="ring_filter" type="QString" value="0" />
            <Option name="trim_distance_end" type="QString" value="0" />
            <Option name="trim_distance_end_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="trim_distance_end_unit" type="QString" value="MM" />
            <Option name="trim_distance_start" type="QString" value="0" />
            <Option name="trim_distance_start_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="trim_distance_start_unit" type="QString" value="MM" />
            <Option name="tweak_dash_pattern_on_corners" type="QString" value="0" />
            <Option name="use_custom_dash" type="QString" value="0" />
            <Option name="width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
          </Option>
          <prop k="align_dash_pattern" v="0" />
          <prop k="capstyle" v="round" />
          <prop k="customdash" v="5;2" />
          <prop k="customdash_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="customdash_unit" v="MM" />
          <prop k="dash_pattern_offset" v="0" />
          <prop k="dash_pattern_offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="dash_pattern_offset_unit" v="MM" />
          <prop k="draw_inside_polygon" v="0" />
          <prop k="joinstyle" v="round" />
          <prop k="line_color" v="177,89,40,255" />
          <prop k="line_style" v="solid" />
          <prop k="line_width" v="0.4" />
          <prop k="line_width_unit" v="MM" />
          <prop k="offset" v="0" />
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_unit" v="MM" />
          <prop k="ring_filter" v="0" />
          <prop k="trim_distance_end" v="0" />
          <prop k="trim_distance_end_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="trim_distance_end_unit" v="MM" />
          <prop k="trim_distance_start" v="0" />
          <prop k="trim_distance_start_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="trim_distance_start_unit" v="MM" />
          <prop k="tweak_dash_pattern_on_corners" v="0" />
          <prop k="use_custom_dash" v="0" />
          <prop k="width_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value="" />
              <Option name="properties" />
              <Option name="type" type="QString" value="collection" />
            </Option>
          </data_defined_properties>
        </layer>
        <layer class="MarkerLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="average_angle_length" type="QString" value="4" />
            <Option name="average_angle_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="average_angle_unit" type="QString" value="MM" />
            <Option name="interval" type="QString" value="3" />
            <Option name="interval_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="interval_unit" type="QString" value="MM" />
            <Option name="offset" type="QString" value="0" />
            <Option name="offset_along_line" type="QString" value="0" />
            <Option name="offset_along_line_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_along_line_unit" type="QString" value="MM" />
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_unit" type="QString" value="MM" />
            <Option name="placement" type="QString" value="segmentcenter" />
            <Option name="ring_filter" type="QString" value="0" />
            <Option name="rotate" type="QString" value="1" />
          </Option>
          <prop k="average_angle_length" v="4" />
          <prop k="average_angle_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="average_angle_unit" v="MM" />
          <prop k="interval" v="3" />
          <prop k="interval_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="interval_unit" v="MM" />
          <prop k="offset" v="0" />
          <prop k="offset_along_line" v="0" />
          <prop k="offset_along_line_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_along_line_unit" v="MM" />
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_unit" v="MM" />
          <prop k="placement" v="segmentcenter" />
          <prop k="ring_filter" v="0" />
          <prop k="rotate" v="1" />
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value="" />
              <Option name="properties" />
              <Option name="type" type="QString" value="collection" />
            </Option>
          </data_defined_properties>
          <symbol alpha="1" clip_to_extent="1" force_rhr="0" name="@5@1" type="marker">
            <data_defined_properties>
              <Option type="Map">
                <Option name="name" type="QString" value="" />
                <Option name="properties" />
                <Option name="type" type="QString" value="collection" />
              </Option>
            </data_defined_properties>
            <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
              <Option type="Map">
                <Option name="angle" type="QString" value="0" />
                <Option name="cap_style" type="QString" value="square" />
                <Option name="color" type="QString" value="177,89,40,255" />
                <Option name="horizontal_anchor_point" type="QString" value="1" />
                <Option name="joinstyle" type="QString" value="bevel" />
                <Option name="name" type="QString" value="filled_arrowhead" />
                <Option name="offset" type="QString" value="0,0" />
                <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
                <Option name="offset_unit" type="QString" value="MM" />
                <Option name="outline_color" type="QString" value="35,35,35,255" />
                <Option name="outline_style" type="QString" value="no" />
                <Option name="outline_width" type="QString" value="0" />
                <Option name="outline_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
                <Option name="outline_width_unit" type="QString" value="MM" />
                <Option name="scale_method" type="QString" value="diameter" />
                <Option name="size" type="QString" value="3.6" />
                <Option name="size_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
                <Option name="size_unit" type="QString" value="MM" />
                <Option name="vertical_anchor_point" type="QString" value="1" />
              </Option>
              <prop k="angle" v="0" />
              <prop k="cap_style" v="square" />
              <prop k="color" v="177,89,40,255" />
              <prop k="horizontal_anchor_point" v="1" />
              <prop k="joinstyle" v="bevel" />
              <prop k="name" v="filled_arrowhead" />
              <prop k="offset" v="0,0" />
              <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
              <prop k="offset_unit" v="MM" />
              <prop k="outline_color" v="35,35,35,255" />
              <prop k="outline_style" v="no" />
              <prop k="outline_width" v="0" />
              <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0" />
              <prop k="outline_width_unit" v="MM" />
              <prop k="scale_method" v="diameter" />
              <prop k="size" v="3.6" />
              <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0" />
              <prop k="size_unit" v="MM" />
              <prop k="vertical_anchor_point" v="1" />
              <data_defined_properties>
                <Option type="Map">
                  <Option name="name" type="QString" value="" />
                  <Option name="properties" />
                  <Option name="type" type="QString" value="collection" />
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </layer>
      </symbol>
      <symbol alpha="0.55" clip_to_extent="1" force_rhr="0" name="6" type="line">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" type="QString" value="" />
            <Option name="properties" />
            <Option name="type" type="QString" value="collection" />
          </Option>
        </data_defined_properties>
        <layer class="SimpleLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="align_dash_pattern" type="QString" value="0" />
            <Option name="capstyle" type="QString" value="round" />
            <Option name="customdash" type="QString" value="5;2" />
            <Option name="customdash_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="customdash_unit" type="QString" value="MM" />
            <Option name="dash_pattern_offset" type="QString" value="0" />
            <Option name="dash_pattern_offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="dash_pattern_offset_unit" type="QString" value="MM" />
            <Option name="draw_inside_polygon" type="QString" value="0" />
            <Option name="joinstyle" type="QString" value="round" />
            <Option name="line_color" type="QString" value="231,41,138,255" />
            <Option name="line_style" type="QString" value="solid" />
            <Option name="line_width" type="QString" value="0.4" />
            <Option name="line_width_unit" type="QString" value="MM" />
            <Option name="offset" type="QString" value="0" />
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_unit" type="QString" value="MM" />
            <Option name="ring_filter" type="QString" value="0" />
            <Option name="trim_distance_end" type="QString" value="0" />
            <Option name="trim_distance_end_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="trim_distance_end_unit" type="QString" value="MM" />
            <Option name="trim_distance_start" type="QString" value="0" />
            <Option name="trim_distance_start_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="trim_distance_start_unit" type="QString" value="MM" />
            <Option name="tweak_dash_pattern_on_corners" type="QString" value="0" />
            <Option name="use_custom_dash" type="QString" value="0" />
            <Option name="width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
          </Option>
          <prop k="align_dash_pattern" v="0" />
          <prop k="capstyle" v="round" />
          <prop k="customdash" v="5;2" />
          <prop k="customdash_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="customdash_unit" v="MM" />
          <prop k="dash_pattern_offset" v="0" />
          <prop k="dash_pattern_offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="dash_pattern_offset_unit" v="MM" />
          <prop k="draw_inside_polygon" v="0" />
          <prop k="joinstyle" v="round" />
          <prop k="line_color" v="231,41,138,255" />
          <prop k="line_style" v="solid" />
          <prop k="line_width" v="0.4" />
          <prop k="line_width_unit" v="MM" />
          <prop k="offset" v="0" />
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_unit" v="MM" />
          <prop k="ring_filter" v="0" />
          <prop k="trim_distance_end" v="0" />
          <prop k="trim_distance_end_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="trim_distance_end_unit" v="MM" />
          <prop k="trim_distance_start" v="0" />
          <prop k="trim_distance_start_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="trim_distance_start_unit" v="MM" />
          <prop k="tweak_dash_pattern_on_corners" v="0" />
          <prop k="use_custom_dash" v="0" />
          <prop k="width_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value="" />
              <Option name="properties" />
              <Option name="type" type="QString" value="collection" />
            </Option>
          </data_defined_properties>
        </layer>
        <layer class="MarkerLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="average_angle_length" type="QString" value="4" />
            <Option name="average_angle_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="average_angle_unit" type="QString" value="MM" />
            <Option name="interval" type="QString" value="3" />
            <Option name="interval_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="interval_unit" type="QString" value="MM" />
            <Option name="offset" type="QString" value="0" />
            <Option name="offset_along_line" type="QString" value="0" />
            <Option name="offset_along_line_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_along_line_unit" type="QString" value="MM" />
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_unit" type="QString" value="MM" />
            <Option name="placement" type="QString" value="segmentcenter" />
            <Option name="ring_filter" type="QString" value="0" />
            <Option name="rotate" type="QString" value="1" />
          </Option>
          <prop k="average_angle_length" v="4" />
          <prop k="average_angle_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="average_angle_unit" v="MM" />
          <prop k="interval" v="3" />
          <prop k="interval_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="interval_unit" v="MM" />
          <prop k="offset" v="0" />
          <prop k="offset_along_line" v="0" />
          <prop k="offset_along_line_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_along_line_unit" v="MM" />
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_unit" v="MM" />
          <prop k="placement" v="segmentcenter" />
          <prop k="ring_filter" v="0" />
          <prop k="rotate" v="1" />
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value="" />
              <Option name="properties" />
              <Option name="type" type="QString" value="collection" />
            </Option>
          </data_defined_properties>
          <symbol alpha="1" clip_to_extent="1" force_rhr="0" name="@6@1" type="marker">
            <data_defined_properties>
              <Option type="Map">
                <Option name="name" type="QString" value="" />
                <Option name="properties" />
                <Option name="type" type="QString" value="collection" />
              </Option>
            </data_defined_properties>
            <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
              <Option type="Map">
                <Option name="angle" type="QString" value="0" />
                <Option name="cap_style" type="QString" value="square" />
                <Option name="color" type="QString" value="231,41,138,255" />
                <Option name="horizontal_anchor_point" type="QString" value="1" />
                <Option name="joinstyle" type="QString" value="bevel" />
                <Option name="name" type="QString" value="filled_arrowhead" />
                <Option name="offset" type="QString" value="0,0" />
                <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
                <Option name="offset_unit" type="QString" value="MM" />
                <Option name="outline_color" type="QString" value="35,35,35,255" />
                <Option name="outline_style" type="QString" value="no" />
                <Option name="outline_width" type="QString" value="0" />
                <Option name="outline_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
                <Option name="outline_width_unit" type="QString" value="MM" />
                <Option name="scale_method" type="QString" value="diameter" />
                <Option name="size" type="QString" value="3.6" />
                <Option name="size_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
                <Option name="size_unit" type="QString" value="MM" />
                <Option name="vertical_anchor_point" type="QString" value="1" />
              </Option>
              <prop k="angle" v="0" />
              <prop k="cap_style" v="square" />
              <prop k="color" v="231,41,138,255" />
              <prop k="horizontal_anchor_point" v="1" />
              <prop k="joinstyle" v="bevel" />
              <prop k="name" v="filled_arrowhead" />
              <prop k="offset" v="0,0" />
              <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
              <prop k="offset_unit" v="MM" />
              <prop k="outline_color" v="35,35,35,255" />
              <prop k="outline_style" v="no" />
              <prop k="outline_width" v="0" />
              <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0" />
              <prop k="outline_width_unit" v="MM" />
              <prop k="scale_method" v="diameter" />
              <prop k="size" v="3.6" />
              <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0" />
              <prop k="size_unit" v="MM" />
              <prop k="vertical_anchor_point" v="1" />
              <data_defined_properties>
                <Option type="Map">
                  <Option name="name" type="QString" value="" />
                  <Option name="properties" />
                  <Option name="type" type="QString" value="collection" />
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </layer>
      </symbol>
      <symbol alpha="0.55" clip_to_extent="1" force_rhr="0" name="7" type="line">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" type="QString" value="" />
            <Option name="properties" />
            <Option name="type" type="QString" value="collection" />
          </Option>
        </data_defined_properties>
        <layer class="SimpleLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="align_dash_pattern" type="QString" value="0" />
            <Option name="capstyle" type="QString" value="round" />
            <Option name="customdash" type="QString" value="5;2" />
            <Option name="customdash_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="customdash_unit" type="QString" value="MM" />
            <Option name="dash_pattern_offset" type="QString" value="0" />
            <Option name="dash_pattern_offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="dash_pattern_offset_unit" type="QString" value="MM" />
            <Option name="draw_inside_polygon" type="QString" value="0" />
            <Option name="joinstyle" type="QString" value="round" />
            <Option name="line_color" type="QString" value="122,122,0,255" />
            <Option name="line_style" type="QString" value="solid" />
            <Option name="line_width" type="QString" value="0.4" />
            <Option name="line_width_unit" type="QString" value="MM" />
            <Option name="offset" type="QString" value="0" />
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_unit" type="QString" value="MM" />
            <Option name="ring_filter" type="QString" value="0" />
            <Option name="trim_distance_end" type="QString" value="0" />
            <Option name="trim_distance_end_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="trim_distance_end_unit" type="QString" value="MM" />
            <Option name="trim_distance_start" type="QString" value="0" />
            <Option name="trim_distance_start_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="trim_distance_start_unit" type="QString" value="MM" />
            <Option name="tweak_dash_pattern_on_corners" type="QString" value="0" />
            <Option name="use_custom_dash" type="QString" value="0" />
            <Option name="width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
          </Option>
          <prop k="align_dash_pattern" v="0" />
          <prop k="capstyle" v="round" />
          <prop k="customdash" v="5;2" />
          <prop k="customdash_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="customdash_unit" v="MM" />
          <prop k="dash_pattern_offset" v="0" />
          <prop k="dash_pattern_offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="dash_pattern_offset_unit" v="MM" />
          <prop k="draw_inside_polygon" v="0" />
          <prop k="joinstyle" v="round" />
          <prop k="line_color" v="122,122,0,255" />
          <prop k="line_style" v="solid" />
          <prop k="line_width" v="0.4" />
          <prop k="line_width_unit" v="MM" />
          <prop k="offset" v="0" />
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_unit" v="MM" />
          <prop k="ring_filter" v="0" />
          <prop k="trim_distance_end" v="0" />
          <prop k="trim_distance_end_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="trim_distance_end_unit" v="MM" />
          <prop k="trim_distance_start" v="0" />
          <prop k="trim_distance_start_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="trim_distance_start_unit" v="MM" />
          <prop k="tweak_dash_pattern_on_corners" v="0" />
          <prop k="use_custom_dash" v="0" />
          <prop k="width_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value="" />
              <Option name="properties" />
              <Option name="type" type="QString" value="collection" />
            </Option>
          </data_defined_properties>
        </layer>
        <layer class="MarkerLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="average_angle_length" type="QString" value="4" />
            <Option name="average_angle_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="average_angle_unit" type="QString" value="MM" />
            <Option name="interval" type="QString" value="3" />
            <Option name="interval_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="interval_unit" type="QString" value="MM" />
            <Option name="offset" type="QString" value="0" />
            <Option name="offset_along_line" type="QString" value="0" />
            <Option name="offset_along_line_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_along_line_unit" type="QString" value="MM" />
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_unit" type="QString" value="MM" />
            <Option name="placement" type="QString" value="segmentcenter" />
            <Option name="ring_filter" type="QString" value="0" />
            <Option name="rotate" type="QString" value="1" />
          </Option>
          <prop k="average_angle_length" v="4" />
          <prop k="average_angle_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="average_angle_unit" v="MM" />
          <prop k="interval" v="3" />
          <prop k="interval_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="interval_unit" v="MM" />
          <prop k="offset" v="0" />
          <prop k="offset_along_line" v="0" />
          <prop k="offset_along_line_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_along_line_unit" v="MM" />
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_unit" v="MM" />
          <prop k="placement" v="segmentcenter" />
          <prop k="ring_filter" v="0" />
          <prop k="rotate" v="1" />
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value="" />
              <Option name="properties" />
              <Option name="type" type="QString" value="collection" />
            </Option>
          </data_defined_properties>
          <symbol alpha="1" clip_to_extent="1" force_rhr="0" name="@7@1" type="marker">
            <data_defined_properties>
              <Option type="Map">
                <Option name="name" type="QString" value="" />
                <Option name="properties" />
                <Option name="type" type="QString" value="collection" />
              </Option>
            </data_defined_properties>
            <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
              <Option type="Map">
                <Option name="angle" type="QString" value="0" />
                <Option name="cap_style" type="QString" value="square" />
                <Option name="color" type="QString" value="122,122,0,255" />
                <Option name="horizontal_anchor_point" type="QString" value="1" />
                <Option name="joinstyle" type="QString" value="bevel" />
                <Option name="name" type="QString" value="filled_arrowhead" />
                <Option name="offset" type="QString" value="0,0" />
                <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
                <Option name="offset_unit" type="QString" value="MM" />
                <Option name="outline_color" type="QString" value="35,35,35,255" />
                <Option name="outline_style" type="QString" value="no" />
                <Option name="outline_width" type="QString" value="0" />
                <Option name="outline_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
                <Option name="outline_width_unit" type="QString" value="MM" />
                <Option name="scale_method" type="QString" value="diameter" />
                <Option name="size" type="QString" value="3.6" />
                <Option name="size_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
                <Option name="size_unit" type="QString" value="MM" />
                <Option name="vertical_anchor_point" type="QString" value="1" />
              </Option>
              <prop k="angle" v="0" />
              <prop k="cap_style" v="square" />
              <prop k="color" v="122,122,0,255" />
              <prop k="horizontal_anchor_point" v="1" />
              <prop k="joinstyle" v="bevel" />
              <prop k="name" v="filled_arrowhead" />
              <prop k="offset" v="0,0" />
              <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
              <prop k="offset_unit" v="MM" />
              <prop k="outline_color" v="35,35,35,255" />
              <prop k="outline_style" v="no" />
              <prop k="outline_width" v="0" />
              <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0" />
              <prop k="outline_width_unit" v="MM" />
              <prop k="scale_method" v="diameter" />
              <prop k="size" v="3.6" />
              <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0" />
              <prop k="size_unit" v="MM" />
              <prop k="vertical_anchor_point" v="1" />
              <data_defined_properties>
                <Option type="Map">
                  <Option name="name" type="QString" value="" />
                  <Option name="properties" />
                  <Option name="type" type="QString" value="collection" />
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </layer>
      </symbol>
      <symbol alpha="0.55" clip_to_extent="1" force_rhr="0" name="8" type="line">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" type="QString" value="" />
            <Option name="properties" />
            <Option name="type" type="QString" value="collection" />
          </Option>
        </data_defined_properties>
        <layer class="SimpleLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="align_dash_pattern" type="QString" value="0" />
            <Option name="capstyle" type="QString" value="round" />
            <Option name="customdash" type="QString" value="5;2" />
            <Option name="customdash_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="customdash_unit" type="QString" value="MM" />
            <Option name="dash_pattern_offset" type="QString" value="0" />
            <Option name="dash_pattern_offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="dash_pattern_offset_unit" type="QString" value="MM" />
            <Option name="draw_inside_polygon" type="QString" value="0" />
            <Option name="joinstyle" type="QString" value="round" />
            <Option name="line_color" type="QString" value="77,77,77,255" />
            <Option name="line_style" type="QString" value="solid" />
            <Option name="line_width" type="QString" value="0.4" />
            <Option name="line_width_unit" type="QString" value="MM" />
            <Option name="offset" type="QString" value="0" />
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_unit" type="QString" value="MM" />
            <Option name="ring_filter" type="QString" value="0" />
            <Option name="trim_distance_end" type="QString" value="0" />
            <Option name="trim_distance_end_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="trim_distance_end_unit" type="QString" value="MM" />
            <Option name="trim_distance_start" type="QString" value="0" />
            <Option name="trim_distance_start_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="trim_distance_start_unit" type="QString" value="MM" />
            <Option name="tweak_dash_pattern_on_corners" type="QString" value="0" />
            <Option name="use_custom_dash" type="QString" value="0" />
            <Option name="width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
          </Option>
          <prop k="align_dash_pattern" v="0" />
          <prop k="capstyle" v="round" />
          <prop k="customdash" v="5;2" />
          <prop k="customdash_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="customdash_unit" v="MM" />
          <prop k="dash_pattern_offset" v="0" />
          <prop k="dash_pattern_offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="dash_pattern_offset_unit" v="MM" />
          <prop k="draw_inside_polygon" v="0" />
          <prop k="joinstyle" v="round" />
          <prop k="line_color" v="77,77,77,255" />
          <prop k="line_style" v="solid" />
          <prop k="line_width" v="0.4" />
          <prop k="line_width_unit" v="MM" />
          <prop k="offset" v="0" />
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_unit" v="MM" />
          <prop k="ring_filter" v="0" />
          <prop k="trim_distance_end" v="0" />
          <prop k="trim_distance_end_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="trim_distance_end_unit" v="MM" />
          <prop k="trim_distance_start" v="0" />
          <prop k="trim_distance_start_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="trim_distance_start_unit" v="MM" />
          <prop k="tweak_dash_pattern_on_corners" v="0" />
          <prop k="use_custom_dash" v="0" />
          <prop k="width_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value="" />
              <Option name="properties" />
              <Option name="type" type="QString" value="collection" />
            </Option>
          </data_defined_properties>
        </layer>
        <layer class="MarkerLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="average_angle_length" type="QString" value="4" />
            <Option name="average_angle_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="average_angle_unit" type="QString" value="MM" />
            <Option name="interval" type="QString" value="3" />
            <Option name="interval_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="interval_unit" type="QString" value="MM" />
            <Option name="offset" type="QString" value="0" />
            <Option name="offset_along_line" type="QString" value="0" />
            <Option name="offset_along_line_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_along_line_unit" type="QString" value="MM" />
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_unit" type="QString" value="MM" />
            <Option name="placement" type="QString" value="segmentcenter" />
            <Option name="ring_filter" type="QString" value="0" />
            <Option name="rotate" type="QString" value="1" />
          </Option>
          <prop k="average_angle_length" v="4" />
          <prop k="average_angle_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="average_angle_unit" v="MM" />
          <prop k="interval" v="3" />
          <prop k="interval_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="interval_unit" v="MM" />
          <prop k="offset" v="0" />
          <prop k="offset_along_line" v="0" />
          <prop k="offset_along_line_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_along_line_unit" v="MM" />
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_unit" v="MM" />
          <prop k="placement" v="segmentcenter" />
          <prop k="ring_filter" v="0" />
          <prop k="rotate" v="1" />
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value="" />
              <Option name="properties" />
              <Option name="type" type="QString" value="collection" />
            </Option>
          </data_defined_properties>
          <symbol alpha="1" clip_to_extent="1" force_rhr="0" name="@8@1" type="marker">
            <data_defined_properties>
              <Option type="Map">
                <Option name="name" type="QString" value="" />
                <Option name="properties" />
                <Option name="type" type="QString" value="collection" />
              </Option>
            </data_defined_properties>
            <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
              <Option type="Map">
                <Option name="angle" type="QString" value="0" />
                <Option name="cap_style" type="QString" value="square" />
                <Option name="color" type="QString" value="77,77,77,255" />
                <Option name="horizontal_anchor_point" type="QString" value="1" />
                <Option name="joinstyle" type="QString" value="bevel" />
                <Option name="name" type="QString" value="filled_arrowhead" />
                <Option name="offset" type="QString" value="0,0" />
                <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
                <Option name="offset_unit" type="QString" value="MM" />
                <Option name="outline_color" type="QString" value="35,35,35,255" />
                <Option name="outline_style" type="QString" value="no" />
                <Option name="outline_width" type="QString" value="0" />
                <Option name="outline_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
                <Option name="outline_width_unit" type="QString" value="MM" />
                <Option name="scale_method" type="QString" value="diameter" />
                <Option name="size" type="QString" value="3.6" />
                <Option name="size_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
                <Option name="size_unit" type="QString" value="MM" />
                <Option name="vertical_anchor_point" type="QString" value="1" />
              </Option>
              <prop k="angle" v="0" />
              <prop k="cap_style" v="square" />
              <prop k="color" v="77,77,77,255" />
              <prop k="horizontal_anchor_point" v="1" />
              <prop k="joinstyle" v="bevel" />
              <prop k="name" v="filled_arrowhead" />
              <prop k="offset" v="0,0" />
              <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
              <prop k="offset_unit" v="MM" />
              <prop k="outline_color" v="35,35,35,255" />
              <prop k="outline_style" v="no" />
              <prop k="outline_width" v="0" />
              <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0" />
              <prop k="outline_width_unit" v="MM" />
              <prop k="scale_method" v="diameter" />
              <prop k="size" v="3.6" />
              <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0" />
              <prop k="size_unit" v="MM" />
              <prop k="vertical_anchor_point" v="1" />
              <data_defined_properties>
                <Option type="Map">
                  <Option name="name" type="QString" value="" />
                  <Option name="properties" />
                  <Option name="type" type="QString" value="collection" />
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </layer>
      </symbol>
      <symbol alpha="0.55" clip_to_extent="1" force_rhr="0" name="9" type="line">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" type="QString" value="" />
            <Option name="properties" />
            <Option name="type" type="QString" value="collection" />
          </Option>
        </data_defined_properties>
        <layer class="SimpleLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="align_dash_pattern" type="QString" value="0" />
            <Option name="capstyle" type="QString" value="round" />
            <Option name="customdash" type="QString" value="5;2" />
            <Option name="customdash_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="customdash_unit" type="QString" value="MM" />
            <Option name="dash_pattern_offset" type="QString" value="0" />
            <Option name="dash_pattern_offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="dash_pattern_offset_unit" type="QString" value="MM" />
            <Option name="draw_inside_polygon" type="QString" value="0" />
            <Option name="joinstyle" type="QString" value="round" />
            <Option name="line_color" type="QString" value="166,118,29,255" />
            <Option name="line_style" type="QString" value="solid" />
            <Option name="line_width" type="QString" value="0.4" />
            <Option name="line_width_unit" type="QString" value="MM" />
            <Option name="offset" type="QString" value="0" />
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_unit" type="QString" value="MM" />
            <Option name="ring_filter" type="QString" value="0" />
            <Option name="trim_distance_end" type="QString" value="0" />
            <Option name="trim_distance_end_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="trim_distance_end_unit" type="QString" value="MM" />
            <Option name="trim_distance_start" type="QString" value="0" />
            <Option name="trim_distance_start_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="trim_distance_start_unit" type="QString" value="MM" />
            <Option name="tweak_dash_pattern_on_corners" type="QString" value="0" />
            <Option name="use_custom_dash" type="QString" value="0" />
            <Option name="width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
          </Option>
          <prop k="align_dash_pattern" v="0" />
          <prop k="capstyle" v="round" />
          <prop k="customdash" v="5;2" />
          <prop k="customdash_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="customdash_unit" v="MM" />
          <prop k="dash_pattern_offset" v="0" />
          <prop k="dash_pattern_offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="dash_pattern_offset_unit" v="MM" />
          <prop k="draw_inside_polygon" v="0" />
          <prop k="joinstyle" v="round" />
          <prop k="line_color" v="166,118,29,255" />
          <prop k="line_style" v="solid" />
          <prop k="line_width" v="0.4" />
          <prop k="line_width_unit" v="MM" />
          <prop k="offset" v="0" />
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_unit" v="MM" />
          <prop k="ring_filter" v="0" />
          <prop k="trim_distance_end" v="0" />
          <prop k="trim_distance_end_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="trim_distance_end_unit" v="MM" />
          <prop k="trim_distance_start" v="0" />
          <prop k="trim_distance_start_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="trim_distance_start_unit" v="MM" />
          <prop k="tweak_dash_pattern_on_corners" v="0" />
          <prop k="use_custom_dash" v="0" />
          <prop k="width_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value="" />
              <Option name="properties" />
              <Option name="type" type="QString" value="collection" />
            </Option>
          </data_defined_properties>
        </layer>
        <layer class="MarkerLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="average_angle_length" type="QString" value="4" />
            <Option name="average_angle_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="average_angle_unit" type="QString" value="MM" />
            <Option name="interval" type="QString" value="3" />
            <Option name="interval_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="interval_unit" type="QString" value="MM" />
            <Option name="offset" type="QString" value="0" />
            <Option name="offset_along_line" type="QString" value="0" />
            <Option name="offset_along_line_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_along_line_unit" type="QString" value="MM" />
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
            <Option name="offset_unit" type="QString" value="MM" />
            <Option name="placement" type="QString" value="segmentcenter" />
            <Option name="ring_filter" type="QString" value="0" />
            <Option name="rotate" type="QString" value="1" />
          </Option>
          <prop k="average_angle_length" v="4" />
          <prop k="average_angle_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="average_angle_unit" v="MM" />
          <prop k="interval" v="3" />
          <prop k="interval_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="interval_unit" v="MM" />
          <prop k="offset" v="0" />
          <prop k="offset_along_line" v="0" />
          <prop k="offset_along_line_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_along_line_unit" v="MM" />
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
          <prop k="offset_unit" v="MM" />
          <prop k="placement" v="segmentcenter" />
          <prop k="ring_filter" v="0" />
          <prop k="rotate" v="1" />
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value="" />
              <Option name="properties" />
              <Option name="type" type="QString" value="collection" />
            </Option>
          </data_defined_properties>
          <symbol alpha="1" clip_to_extent="1" force_rhr="0" name="@9@1" type="marker">
            <data_defined_properties>
              <Option type="Map">
                <Option name="name" type="QString" value="" />
                <Option name="properties" />
                <Option name="type" type="QString" value="collection" />
              </Option>
            </data_defined_properties>
            <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
              <Option type="Map">
                <Option name="angle" type="QString" value="0" />
                <Option name="cap_style" type="QString" value="square" />
                <Option name="color" type="QString" value="166,118,29,255" />
                <Option name="horizontal_anchor_point" type="QString" value="1" />
                <Option name="joinstyle" type="QString" value="bevel" />
                <Option name="name" type="QString" value="filled_arrowhead" />
                <Option name="offset" type="QString" value="0,0" />
                <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
                <Option name="offset_unit" type="QString" value="MM" />
                <Option name="outline_color" type="QString" value="35,35,35,255" />
                <Option name="outline_style" type="QString" value="no" />
                <Option name="outline_width" type="QString" value="0" />
                <Option name="outline_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
                <Option name="outline_width_unit" type="QString" value="MM" />
                <Option name="scale_method" type="QString" value="diameter" />
                <Option name="size" type="QString" value="3.6" />
                <Option name="size_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0" />
                <Option name="size_unit" type="QString" value="MM" />
                <Option name="vertical_anchor_point" type="QString" value="1" />
              </Option>
              <prop k="angle" v="0" />
              <prop k="cap_style" v="square" />
              <prop k="color" v="166,118,29,255" />
              <prop k="horizontal_anchor_point" v="1" />
              <prop k="joinstyle" v="bevel" />
              <prop k="name" v="filled_arrowhead" />
              <prop k="offset" v="0,0" />
              <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0" />
              <prop k="offset_unit" v="MM" />
              <prop k="outline_color" v="35,35,35,255" />
              <prop k="outline_style" v="no" />
              <prop k="outline_width" v="0" />
              <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0" />
              <prop k="outline_width_unit" v="MM" />
              <prop k="scale_method" v="diameter" />
              <prop k="size" v="3.6" />
              <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0" />
              <prop k="size_unit" v="MM" />
              <prop k="vertical_anchor_point" v="1" />
              <data_defined_properties>
                <Option type="Map">
                  <Option name="name" type="QString" value="" />
                  <Option name="properties" />
                  <Option name="type" type="QString" value="collection" />
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </layer>
      </symbol>
    </symbols>
    <rotation />
    <sizescale />
  </renderer-v2>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerOpacity>1</layerOpacity>
  <fieldConfiguration>
    <field configurationFlags="None" name="unit">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="date">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="visits">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="km">
      <editWidget type="Range">
        <config>
          <Option type="Map">
            <Option name="AllowNull" type="bool" value="true" />
            <Option name="Precision" type="int" value="1" />
            <Option name="Style" type="QString" value="SpinBox" />
          </Option>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias field="unit" index="0" name="Unit" />
    <alias field="date" index="1" name="Patrol day" />
    <alias field="visits" index="2" name="Visits" />
    <alias field="km" index="3" name="Straight-line km" />
  </aliases>
  <defaults>
    <default applyOnUpdate="0" expression="" field="unit" />
    <default applyOnUpdate="0" expression="" field="date" />
    <default applyOnUpdate="0" expression="" field="visits" />
    <default applyOnUpdate="0" expression="" field="km" />
  </defaults>
  <constraints>
    <constraint constraints="0" exp_strength="0" field="unit" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="date" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="visits" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="km" notnull_strength="0" unique_strength="0" />
  </constraints>
  <constraintExpressions>
    <constraint desc="" exp="" field="unit" />
    <constraint desc="" exp="" field="date" />
    <constraint desc="" exp="" field="visits" />
    <constraint desc="" exp="" field="km" />
  </constraintExpressions>
  <expressionfields />
  <attributetableconfig actionWidgetStyle="dropDown" sortExpression="" sortOrder="0">
    <columns />
  </attributetableconfig>
  <conditionalstyles>
    <rowstyles />
    <fieldstyles />
  </conditionalstyles>
  <storedexpressions />
  <editform tolerant="1" />
  <editforminit />
  <editforminitcodesource>0</editforminitcodesource>
  <editforminitfilepath />
  <editforminitcode />
  <featformsuppress>0</featformsuppress>
  <editorlayout>generatedlayout</editorlayout>
  <editable />
  <labelOnTop />
  <reuseLastValue />
  <dataDefinedFieldProperties />
  <widgets />
  <layerGeometryType>1</layerGeometryType>
</qgis>
