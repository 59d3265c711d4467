<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis hasScaleBasedVisibilityFlag="0" maxScale="0" minScale="1e+08" styleCategories="Symbology|Labeling|Fields|Forms|AttributeTable|Rendering" version="3.22.16-Białowieża">
  <fieldConfiguration>
    <field configurationFlags="None" name="k">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="feature">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="area_share">
      <editWidget type="Range">
        <config>
          <Option type="Map">
            <Option name="AllowNull" type="bool" value="true" />
            <Option name="Precision" type="int" value="4" />
            <Option name="Style" type="QString" value="SpinBox" />
          </Option>
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
            <Option name="Precision" type="int" value="2" />
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
  </fieldConfiguration>
  <aliases>
    <alias field="k" index="0" name="Top k hotspots" />
    <alias field="feature" index="1" name="Hotspot feature id" />
    <alias field="area_share" index="2" name="Share of the area" />
    <alias field="hit_rate" index="3" name="Share of the crime (hit rate)" />
    <alias field="pai" index="4" name="PAI (predictive accuracy index)" />
    <alias field="pei" index="5" name="PEI (predictive efficiency index)" />
    <alias field="rri" index="6" name="RRI (recapture rate index)" />
  </aliases>
  <defaults>
    <default applyOnUpdate="0" expression="" field="k" />
    <default applyOnUpdate="0" expression="" field="feature" />
    <default applyOnUpdate="0" expression="" field="area_share" />
    <default applyOnUpdate="0" expression="" field="hit_rate" />
    <default applyOnUpdate="0" expression="" field="pai" />
    <default applyOnUpdate="0" expression="" field="pei" />
    <default applyOnUpdate="0" expression="" field="rri" />
  </defaults>
  <constraints>
    <constraint constraints="0" exp_strength="0" field="k" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="feature" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="area_share" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="hit_rate" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="pai" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="pei" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="rri" notnull_strength="0" unique_strength="0" />
  </constraints>
  <constraintExpressions>
    <constraint desc="" exp="" field="k" />
    <constraint desc="" exp="" field="feature" />
    <constraint desc="" exp="" field="area_share" />
    <constraint desc="" exp="" field="hit_rate" />
    <constraint desc="" exp="" field="pai" />
    <constraint desc="" exp="" field="pei" />
    <constraint desc="" exp="" field="rri" />
  </constraintExpressions>
  <expressionfields />
  <attributetableconfig actionWidgetStyle="dropDown" sortExpression="&quot;k&quot;" sortOrder="0">
    <columns>
      <column hidden="0" name="k" type="field" width="-1" />
      <column hidden="0" name="feature" type="field" width="-1" />
      <column hidden="0" name="area_share" type="field" width="-1" />
      <column hidden="0" name="hit_rate" type="field" width="-1" />
      <column hidden="0" name="pai" type="field" width="-1" />
      <column hidden="0" name="pei" type="field" width="-1" />
      <column hidden="0" name="rri" type="field" width="-1" />
      <column hidden="1" type="actions" width="-1" />
    </columns>
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
