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
    <field configurationFlags="None" name="days_since_patrol">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="hotspot_days">
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
    <field configurationFlags="None" name="rate_ratio">
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
    <field configurationFlags="None" name="ci_low">
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
    <field configurationFlags="None" name="ci_high">
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
    <alias field="group" index="0" name="Crime group" />
    <alias field="days_since_patrol" index="1" name="Days since last patrol" />
    <alias field="hotspot_days" index="2" name="Hotspot-days" />
    <alias field="crimes" index="3" name="Crimes" />
    <alias field="rate" index="4" name="Crimes per hotspot-day" />
    <alias field="rate_ratio" index="5" name="Rate ratio against 'more'" />
    <alias field="ci_low" index="6" name="Rate ratio, 95% CI low" />
    <alias field="ci_high" index="7" name="Rate ratio, 95% CI high" />
    <alias field="p_value" index="8" name="p-value" />
  </aliases>
  <defaults>
    <default applyOnUpdate="0" expression="" field="group" />
    <default applyOnUpdate="0" expression="" field="days_since_patrol" />
    <default applyOnUpdate="0" expression="" field="hotspot_days" />
    <default applyOnUpdate="0" expression="" field="crimes" />
    <default applyOnUpdate="0" expression="" field="rate" />
    <default applyOnUpdate="0" expression="" field="rate_ratio" />
    <default applyOnUpdate="0" expression="" field="ci_low" />
    <default applyOnUpdate="0" expression="" field="ci_high" />
    <default applyOnUpdate="0" expression="" field="p_value" />
  </defaults>
  <constraints>
    <constraint constraints="0" exp_strength="0" field="group" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="days_since_patrol" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="hotspot_days" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="crimes" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="rate" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="rate_ratio" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="ci_low" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="ci_high" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="p_value" notnull_strength="0" unique_strength="0" />
  </constraints>
  <constraintExpressions>
    <constraint desc="" exp="" field="group" />
    <constraint desc="" exp="" field="days_since_patrol" />
    <constraint desc="" exp="" field="hotspot_days" />
    <constraint desc="" exp="" field="crimes" />
    <constraint desc="" exp="" field="rate" />
    <constraint desc="" exp="" field="rate_ratio" />
    <constraint desc="" exp="" field="ci_low" />
    <constraint desc="" exp="" field="ci_high" />
    <constraint desc="" exp="" field="p_value" />
  </constraintExpressions>
  <expressionfields />
  <attributetableconfig actionWidgetStyle="dropDown" sortExpression="" sortOrder="0">
    <columns />
  </attributetableconfig>
  <conditionalstyles>
    <rowstyles />
    <fieldstyles>
      <fieldstyle fieldname="rate_ratio">
        <style background_color="#c7e9c0" background_color_alpha="255" name="Significantly less crime" rule="@value &lt; 1 AND &quot;p_value&quot; &lt; 0.05" />
        <style background_color="#fcbba1" background_color_alpha="255" name="Significantly more crime" rule="@value &gt; 1 AND &quot;p_value&quot; &lt; 0.05" />
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
