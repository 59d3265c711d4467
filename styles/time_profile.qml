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
    <field configurationFlags="None" name="weekday">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="hour">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="crimes">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="risk">
      <editWidget type="Range">
        <config>
          <Option type="Map">
            <Option name="AllowNull" type="bool" value="true" />
            <Option name="Precision" type="int" value="2" />
            <Option name="Style" type="QString" value="SpinBox" />
          </Option>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias field="hotspot_id" index="0" name="Hotspot" />
    <alias field="weekday" index="1" name="Weekday" />
    <alias field="hour" index="2" name="Hour (local)" />
    <alias field="crimes" index="3" name="Crimes" />
    <alias field="risk" index="4" name="Relative risk (1 = average hour)" />
  </aliases>
  <defaults>
    <default applyOnUpdate="0" expression="" field="hotspot_id" />
    <default applyOnUpdate="0" expression="" field="weekday" />
    <default applyOnUpdate="0" expression="" field="hour" />
    <default applyOnUpdate="0" expression="" field="crimes" />
    <default applyOnUpdate="0" expression="" field="risk" />
  </defaults>
  <constraints>
    <constraint constraints="0" exp_strength="0" field="hotspot_id" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="weekday" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="hour" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="crimes" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="risk" notnull_strength="0" unique_strength="0" />
  </constraints>
  <constraintExpressions>
    <constraint desc="" exp="" field="hotspot_id" />
    <constraint desc="" exp="" field="weekday" />
    <constraint desc="" exp="" field="hour" />
    <constraint desc="" exp="" field="crimes" />
    <constraint desc="" exp="" field="risk" />
  </constraintExpressions>
  <expressionfields />
  <attributetableconfig actionWidgetStyle="dropDown" sortExpression="" sortOrder="0">
    <columns />
  </attributetableconfig>
  <conditionalstyles>
    <rowstyles />
    <fieldstyles>
      <fieldstyle fieldname="risk">
        <style background_color="#fcbba1" background_color_alpha="255" name="At least twice the average hour" rule="@value &gt;= 2" />
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
