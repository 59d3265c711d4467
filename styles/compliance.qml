<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis hasScaleBasedVisibilityFlag="0" maxScale="0" minScale="1e+08" styleCategories="Symbology|Labeling|Fields|Forms|AttributeTable|Rendering" version="3.22.16-Białowieża">
  <fieldConfiguration>
    <field configurationFlags="None" name="plan_fid">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="hotspot_id">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
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
    <field configurationFlags="None" name="start">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="status">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="late_minutes">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="delivered_minutes">
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
    <alias field="plan_fid" index="0" name="Planned visit" />
    <alias field="hotspot_id" index="1" name="Hotspot" />
    <alias field="unit" index="2" name="Unit" />
    <alias field="date" index="3" name="Patrol day" />
    <alias field="start" index="4" name="Planned start" />
    <alias field="status" index="5" name="Status" />
    <alias field="late_minutes" index="6" name="Minutes late" />
    <alias field="delivered_minutes" index="7" name="Minutes delivered" />
  </aliases>
  <defaults>
    <default applyOnUpdate="0" expression="" field="plan_fid" />
    <default applyOnUpdate="0" expression="" field="hotspot_id" />
    <default applyOnUpdate="0" expression="" field="unit" />
    <default applyOnUpdate="0" expression="" field="date" />
    <default applyOnUpdate="0" expression="" field="start" />
    <default applyOnUpdate="0" expression="" field="status" />
    <default applyOnUpdate="0" expression="" field="late_minutes" />
    <default applyOnUpdate="0" expression="" field="delivered_minutes" />
  </defaults>
  <constraints>
    <constraint constraints="0" exp_strength="0" field="plan_fid" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="hotspot_id" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="unit" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="date" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="start" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="status" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="late_minutes" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="delivered_minutes" notnull_strength="0" unique_strength="0" />
  </constraints>
  <constraintExpressions>
    <constraint desc="" exp="" field="plan_fid" />
    <constraint desc="" exp="" field="hotspot_id" />
    <constraint desc="" exp="" field="unit" />
    <constraint desc="" exp="" field="date" />
    <constraint desc="" exp="" field="start" />
    <constraint desc="" exp="" field="status" />
    <constraint desc="" exp="" field="late_minutes" />
    <constraint desc="" exp="" field="delivered_minutes" />
  </constraintExpressions>
  <expressionfields />
  <attributetableconfig actionWidgetStyle="dropDown" sortExpression="&quot;start&quot;" sortOrder="0">
    <columns>
      <column hidden="0" name="plan_fid" type="field" width="-1" />
      <column hidden="0" name="hotspot_id" type="field" width="-1" />
      <column hidden="0" name="unit" type="field" width="-1" />
      <column hidden="0" name="date" type="field" width="-1" />
      <column hidden="0" name="start" type="field" width="-1" />
      <column hidden="0" name="status" type="field" width="-1" />
      <column hidden="0" name="late_minutes" type="field" width="-1" />
      <column hidden="0" name="delivered_minutes" type="field" width="-1" />
      <column hidden="1" type="actions" width="-1" />
    </columns>
  </attributetableconfig>
  <conditionalstyles>
    <rowstyles />
    <fieldstyles>
      <fieldstyle fieldname="status">
        <style background_color="#c7e9c0" background_color_alpha="255" name="Delivered" rule="@value = 'delivered'" />
        <style background_color="#fdd49e" background_color_alpha="255" name="Late" rule="@value = 'late'" />
        <style background_color="#fcbba1" background_color_alpha="255" name="Missed" rule="@value = 'missed'" />
      </fieldstyle>
    </fieldstyles>
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
