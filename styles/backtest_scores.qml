<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis hasScaleBasedVisibilityFlag="0" maxScale="0" minScale="1e+08" styleCategories="Symbology|Labeling|Fields|Forms|AttributeTable|Rendering" version="3.22.16-Białowieża">
  <fieldConfiguration>
    <field configurationFlags="None" name="method">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="settings">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="origin">
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
    <field configurationFlags="None" name="hits">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="hit_rate">
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
    <field configurationFlags="None" name="pai">
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
    <field configurationFlags="None" name="pei">
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
    <field configurationFlags="None" name="rri">
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
    <field configurationFlags="None" name="stability">
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
    <alias field="method" index="0" name="Method" />
    <alias field="settings" index="1" name="Settings" />
    <alias field="origin" index="2" name="Forecast origin" />
    <alias field="crimes" index="3" name="Crimes in the horizon" />
    <alias field="hits" index="4" name="Crimes in the chosen cells" />
    <alias field="hit_rate" index="5" name="Share of the crime (hit rate)" />
    <alias field="pai" index="6" name="PAI (predictive accuracy index)" />
    <alias field="pei" index="7" name="PEI* (predictive efficiency index)" />
    <alias field="rri" index="8" name="RRI (recapture rate index)" />
    <alias field="stability" index="9" name="Chosen cells kept from the previous origin" />
  </aliases>
  <defaults>
    <default applyOnUpdate="0" expression="" field="method" />
    <default applyOnUpdate="0" expression="" field="settings" />
    <default applyOnUpdate="0" expression="" field="origin" />
    <default applyOnUpdate="0" expression="" field="crimes" />
    <default applyOnUpdate="0" expression="" field="hits" />
    <default applyOnUpdate="0" expression="" field="hit_rate" />
    <default applyOnUpdate="0" expression="" field="pai" />
    <default applyOnUpdate="0" expression="" field="pei" />
    <default applyOnUpdate="0" expression="" field="rri" />
    <default applyOnUpdate="0" expression="" field="stability" />
  </defaults>
  <constraints>
    <constraint constraints="0" exp_strength="0" field="method" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="settings" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="origin" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="crimes" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="hits" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="hit_rate" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="pai" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="pei" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="rri" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="stability" notnull_strength="0" unique_strength="0" />
  </constraints>
  <constraintExpressions>
    <constraint desc="" exp="" field="method" />
    <constraint desc="" exp="" field="settings" />
    <constraint desc="" exp="" field="origin" />
    <constraint desc="" exp="" field="crimes" />
    <constraint desc="" exp="" field="hits" />
    <constraint desc="" exp="" field="hit_rate" />
    <constraint desc="" exp="" field="pai" />
    <constraint desc="" exp="" field="pei" />
    <constraint desc="" exp="" field="rri" />
    <constraint desc="" exp="" field="stability" />
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
