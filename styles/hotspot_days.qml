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
    <field configurationFlags="None" name="patrolled">
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
    <field configurationFlags="None" name="minutes">
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
    <field configurationFlags="None" name="days_since_patrol">
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
    <alias field="patrolled" index="2" name="Patrolled" />
    <alias field="visits" index="3" name="Visits" />
    <alias field="minutes" index="4" name="Patrol minutes" />
    <alias field="days_since_patrol" index="5" name="Days since last patrol" />
  </aliases>
  <defaults>
    <default applyOnUpdate="0" expression="" field="hotspot_id" />
    <default applyOnUpdate="0" expression="" field="date" />
    <default applyOnUpdate="0" expression="" field="patrolled" />
    <default applyOnUpdate="0" expression="" field="visits" />
    <default applyOnUpdate="0" expression="" field="minutes" />
    <default applyOnUpdate="0" expression="" field="days_since_patrol" />
  </defaults>
  <constraints>
    <constraint constraints="0" exp_strength="0" field="hotspot_id" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="date" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="patrolled" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="visits" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="minutes" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="days_since_patrol" notnull_strength="0" unique_strength="0" />
  </constraints>
  <constraintExpressions>
    <constraint desc="" exp="" field="hotspot_id" />
    <constraint desc="" exp="" field="date" />
    <constraint desc="" exp="" field="patrolled" />
    <constraint desc="" exp="" field="visits" />
    <constraint desc="" exp="" field="minutes" />
    <constraint desc="" exp="" field="days_since_patrol" />
  </constraintExpressions>
  <expressionfields />
  <attributetableconfig actionWidgetStyle="dropDown" sortExpression="" sortOrder="0">
    <columns />
  </attributetableconfig>
  <conditionalstyles>
    <rowstyles>
      <style background_color="#c7e9c0" background_color_alpha="255" name="Patrol day" rule="&quot;patrolled&quot; IN (1, 'true')" />
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
