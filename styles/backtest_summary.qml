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
    <field configurationFlags="None" name="mean_hit_rate">
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
    <field configurationFlags="None" name="mean_pai">
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
    <field configurationFlags="None" name="mean_pei">
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
    <field configurationFlags="None" name="min_pei">
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
    <field configurationFlags="None" name="max_pei">
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
    <field configurationFlags="None" name="winner">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias field="method" index="0" name="Method" />
    <alias field="settings" index="1" name="Settings" />
    <alias field="mean_hit_rate" index="2" name="Mean hit rate" />
    <alias field="mean_pai" index="3" name="Mean PAI" />
    <alias field="mean_pei" index="4" name="Mean PEI*" />
    <alias field="min_pei" index="5" name="Lowest PEI*" />
    <alias field="max_pei" index="6" name="Highest PEI*" />
    <alias field="winner" index="7" name="Winner" />
  </aliases>
  <defaults>
    <default applyOnUpdate="0" expression="" field="method" />
    <default applyOnUpdate="0" expression="" field="settings" />
    <default applyOnUpdate="0" expression="" field="mean_hit_rate" />
    <default applyOnUpdate="0" expression="" field="mean_pai" />
    <default applyOnUpdate="0" expression="" field="mean_pei" />
    <default applyOnUpdate="0" expression="" field="min_pei" />
    <default applyOnUpdate="0" expression="" field="max_pei" />
    <default applyOnUpdate="0" expression="" field="winner" />
  </defaults>
  <constraints>
    <constraint constraints="0" exp_strength="0" field="method" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="settings" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="mean_hit_rate" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="mean_pai" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="mean_pei" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="min_pei" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="max_pei" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="winner" notnull_strength="0" unique_strength="0" />
  </constraints>
  <constraintExpressions>
    <constraint desc="" exp="" field="method" />
    <constraint desc="" exp="" field="settings" />
    <constraint desc="" exp="" field="mean_hit_rate" />
    <constraint desc="" exp="" field="mean_pai" />
    <constraint desc="" exp="" field="mean_pei" />
    <constraint desc="" exp="" field="min_pei" />
    <constraint desc="" exp="" field="max_pei" />
    <constraint desc="" exp="" field="winner" />
  </constraintExpressions>
  <expressionfields />
  <attributetableconfig actionWidgetStyle="dropDown" sortExpression="-&quot;mean_pei&quot;" sortOrder="0">
    <columns>
      <column hidden="0" name="method" type="field" width="-1" />
      <column hidden="0" name="settings" type="field" width="-1" />
      <column hidden="0" name="mean_hit_rate" type="field" width="-1" />
      <column hidden="0" name="mean_pai" type="field" width="-1" />
      <column hidden="0" name="mean_pei" type="field" width="-1" />
      <column hidden="0" name="min_pei" type="field" width="-1" />
      <column hidden="0" name="max_pei" type="field" width="-1" />
      <column hidden="0" name="winner" type="field" width="-1" />
      <column hidden="1" type="actions" width="-1" />
    </columns>
  </attributetableconfig>
  <conditionalstyles>
    <rowstyles>
      <style background_color="#c7e9c0" background_color_alpha="255" name="Winner" rule="&quot;winner&quot; IN (1, 'true')" />
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
