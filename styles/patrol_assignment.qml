<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis hasScaleBasedVisibilityFlag="0" maxScale="0" minScale="1e+08" styleCategories="Symbology|Labeling|Fields|Forms|AttributeTable|Rendering" version="3.22.16-Białowieża">
  <fieldConfiguration>
    <field configurationFlags="None" name="hotspot_id">
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
    <field configurationFlags="None" name="assigned">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias field="hotspot_id" index="0" name="Hotspot" />
    <alias field="date" index="1" name="Day" />
    <alias field="assigned" index="2" name="Assigned to patrol" />
  </aliases>
  <defaults>
    <default applyOnUpdate="0" expression="" field="hotspot_id" />
    <default applyOnUpdate="0" expression="" field="date" />
    <default applyOnUpdate="0" expression="" field="assigned" />
  </defaults>
  <constraints>
    <constraint constraints="0" exp_strength="0" field="hotspot_id" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="date" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="assigned" notnull_strength="0" unique_strength="0" />
  </constraints>
  <constraintExpressions>
    <constraint desc="" exp="" field="hotspot_id" />
    <constraint desc="" exp="" field="date" />
    <constraint desc="" exp="" field="assigned" />
  </constraintExpressions>
  <expressionfields />
  <attributetableconfig actionWidgetStyle="dropDown" sortExpression="" sortOrder="0">
    <columns />
  </attributetableconfig>
  <conditionalstyles>
    <rowstyles>
      <style background_color="#c7e9c0" background_color_alpha="255" name="Assigned day" rule="&quot;assigned&quot; IN (1, 'true')" />
    </rowstyles>
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
  <layerGeometryType>4</layerGeometryType>
</qgis>
