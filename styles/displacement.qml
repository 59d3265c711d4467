<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis hasScaleBasedVisibilityFlag="0" maxScale="0" minScale="1e+08" styleCategories="Symbology|Labeling|Fields|Forms|AttributeTable|Rendering" version="3.22.16-Białowieża">
  <fieldConfiguration>
    <field configurationFlags="None" name="group">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="target_before">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="target_after">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="ring_before">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="ring_after">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="control_before">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="control_after">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="success_measure">
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
    <field configurationFlags="None" name="buffer_measure">
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
    <field configurationFlags="None" name="wdq">
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
    <field configurationFlags="None" name="reading">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias field="group" index="0" name="Crime group" />
    <alias field="target_before" index="1" name="Hotspot crimes before" />
    <alias field="target_after" index="2" name="Hotspot crimes during" />
    <alias field="ring_before" index="3" name="Ring crimes before" />
    <alias field="ring_after" index="4" name="Ring crimes during" />
    <alias field="control_before" index="5" name="Control crimes before" />
    <alias field="control_after" index="6" name="Control crimes during" />
    <alias field="success_measure" index="7" name="Success measure" />
    <alias field="buffer_measure" index="8" name="Buffer measure" />
    <alias field="wdq" index="9" name="Weighted displacement quotient" />
    <alias field="reading" index="10" name="Reading" />
  </aliases>
  <defaults>
    <default applyOnUpdate="0" expression="" field="group" />
    <default applyOnUpdate="0" expression="" field="target_before" />
    <default applyOnUpdate="0" expression="" field="target_after" />
    <default applyOnUpdate="0" expression="" field="ring_before" />
    <default applyOnUpdate="0" expression="" field="ring_after" />
    <default applyOnUpdate="0" expression="" field="control_before" />
    <default applyOnUpdate="0" expression="" field="control_after" />
    <default applyOnUpdate="0" expression="" field="success_measure" />
    <default applyOnUpdate="0" expression="" field="buffer_measure" />
    <default applyOnUpdate="0" expression="" field="wdq" />
    <default applyOnUpdate="0" expression="" field="reading" />
  </defaults>
  <constraints>
    <constraint constraints="0" exp_strength="0" field="group" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="target_before" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="target_after" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="ring_before" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="ring_after" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="control_before" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="control_after" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="success_measure" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="buffer_measure" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="wdq" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="reading" notnull_strength="0" unique_strength="0" />
  </constraints>
  <constraintExpressions>
    <constraint desc="" exp="" field="group" />
    <constraint desc="" exp="" field="target_before" />
    <constraint desc="" exp="" field="target_after" />
    <constraint desc="" exp="" field="ring_before" />
    <constraint desc="" exp="" field="ring_after" />
    <constraint desc="" exp="" field="control_before" />
    <constraint desc="" exp="" field="control_after" />
    <constraint desc="" exp="" field="success_measure" />
    <constraint desc="" exp="" field="buffer_measure" />
    <constraint desc="" exp="" field="wdq" />
    <constraint desc="" exp="" field="reading" />
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
