<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis hasScaleBasedVisibilityFlag="0" maxScale="0" minScale="1e+08" styleCategories="Symbology|Labeling|Fields|Forms|AttributeTable|Rendering" version="3.22.16-Białowieża">
  <fieldConfiguration>
    <field configurationFlags="None" name="distance_from">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="distance_to">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="days_from">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="days_to">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="observed">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="expected">
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
    <field configurationFlags="None" name="knox_ratio">
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
    <field configurationFlags="None" name="p_value">
      <editWidget type="Range">
        <config>
          <Option type="Map">
            <Option name="AllowNull" type="bool" value="true" />
            <Option name="Precision" type="int" value="3" />
            <Option name="Style" type="QString" value="SpinBox" />
          </Option>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias field="distance_from" index="0" name="From (m)" />
    <alias field="distance_to" index="1" name="To (m, not included)" />
    <alias field="days_from" index="2" name="From (days)" />
    <alias field="days_to" index="3" name="To (days, not included)" />
    <alias field="observed" index="4" name="Pairs of crimes" />
    <alias field="expected" index="5" name="Pairs by chance" />
    <alias field="knox_ratio" index="6" name="Knox ratio" />
    <alias field="p_value" index="7" name="p-value" />
  </aliases>
  <defaults>
    <default applyOnUpdate="0" expression="" field="distance_from" />
    <default applyOnUpdate="0" expression="" field="distance_to" />
    <default applyOnUpdate="0" expression="" field="days_from" />
    <default applyOnUpdate="0" expression="" field="days_to" />
    <default applyOnUpdate="0" expression="" field="observed" />
    <default applyOnUpdate="0" expression="" field="expected" />
    <default applyOnUpdate="0" expression="" field="knox_ratio" />
    <default applyOnUpdate="0" expression="" field="p_value" />
  </defaults>
  <constraints>
    <constraint constraints="0" exp_strength="0" field="distance_from" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="distance_to" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="days_from" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="days_to" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="observed" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="expected" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="knox_ratio" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="p_value" notnull_strength="0" unique_strength="0" />
  </constraints>
  <constraintExpressions>
    <constraint desc="" exp="" field="distance_from" />
    <constraint desc="" exp="" field="distance_to" />
    <constraint desc="" exp="" field="days_from" />
    <constraint desc="" exp="" field="days_to" />
    <constraint desc="" exp="" field="observed" />
    <constraint desc="" exp="" field="expected" />
    <constraint desc="" exp="" field="knox_ratio" />
    <constraint desc="" exp="" field="p_value" />
  </constraintExpressions>
  <expressionfields />
  <attributetableconfig actionWidgetStyle="dropDown" sortExpression="" sortOrder="0">
    <columns />
  </attributetableconfig>
  <conditionalstyles>
    <rowstyles />
    <fieldstyles>
      <fieldstyle fieldname="knox_ratio">
        <style background_color="#fcbba1" background_color_alpha="255" name="More pairs than chance: near repeats" rule="@value &gt; 1 AND &quot;p_value&quot; &lt; 0.05" />
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
