<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis hasScaleBasedVisibilityFlag="0" maxScale="0" minScale="1e+08" styleCategories="Symbology|Labeling|Fields|Forms|AttributeTable|Rendering" version="3.22.16-Białowieża">
  <fieldConfiguration>
    <field configurationFlags="None" name="measure">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="band">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="units">
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
    <field configurationFlags="None" name="crimes">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="rate">
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
    <field configurationFlags="None" name="ci_low">
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
    <field configurationFlags="None" name="ci_high">
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
    <field configurationFlags="None" name="ratio_to_baseline">
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
    <alias field="measure" index="0" name="Measure" />
    <alias field="band" index="1" name="Band (minutes)" />
    <alias field="units" index="2" name="Units (visits, 2-hour windows or hotspot-days)" />
    <alias field="crimes" index="3" name="Crimes" />
    <alias field="rate" index="4" name="Crimes per unit" />
    <alias field="ci_low" index="5" name="Rate, 95% CI low" />
    <alias field="ci_high" index="6" name="Rate, 95% CI high" />
    <alias field="ratio_to_baseline" index="7" name="Ratio to baseline (observational)" />
  </aliases>
  <defaults>
    <default applyOnUpdate="0" expression="" field="measure" />
    <default applyOnUpdate="0" expression="" field="band" />
    <default applyOnUpdate="0" expression="" field="units" />
    <default applyOnUpdate="0" expression="" field="crimes" />
    <default applyOnUpdate="0" expression="" field="rate" />
    <default applyOnUpdate="0" expression="" field="ci_low" />
    <default applyOnUpdate="0" expression="" field="ci_high" />
    <default applyOnUpdate="0" expression="" field="ratio_to_baseline" />
  </defaults>
  <constraints>
    <constraint constraints="0" exp_strength="0" field="measure" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="band" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="units" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="crimes" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="rate" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="ci_low" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="ci_high" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="ratio_to_baseline" notnull_strength="0" unique_strength="0" />
  </constraints>
  <constraintExpressions>
    <constraint desc="" exp="" field="measure" />
    <constraint desc="" exp="" field="band" />
    <constraint desc="" exp="" field="units" />
    <constraint desc="" exp="" field="crimes" />
    <constraint desc="" exp="" field="rate" />
    <constraint desc="" exp="" field="ci_low" />
    <constraint desc="" exp="" field="ci_high" />
    <constraint desc="" exp="" field="ratio_to_baseline" />
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
  <layerGeometryType>4</layerGeometryType>
</qgis>
