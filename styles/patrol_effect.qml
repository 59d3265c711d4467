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
    <field configurationFlags="None" name="analysis">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="primary">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="patrol_days">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="other_days">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="crimes_patrol">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="crimes_other">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="rate_patrol">
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
    <field configurationFlags="None" name="rate_other">
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
    <field configurationFlags="None" name="change_pct">
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
    <alias field="analysis" index="1" name="Analysis" />
    <alias field="primary" index="2" name="Primary analysis" />
    <alias field="patrol_days" index="3" name="Patrol hotspot-days" />
    <alias field="other_days" index="4" name="Other hotspot-days" />
    <alias field="crimes_patrol" index="5" name="Crimes on patrol days" />
    <alias field="crimes_other" index="6" name="Crimes on other days" />
    <alias field="rate_patrol" index="7" name="Crimes per patrol hotspot-day" />
    <alias field="rate_other" index="8" name="Crimes per other hotspot-day" />
    <alias field="change_pct" index="9" name="Change on patrol days (%)" />
    <alias field="rate_ratio" index="10" name="Rate ratio" />
    <alias field="ci_low" index="11" name="Rate ratio, 95% CI low" />
    <alias field="ci_high" index="12" name="Rate ratio, 95% CI high" />
    <alias field="p_value" index="13" name="p-value" />
  </aliases>
  <defaults>
    <default applyOnUpdate="0" expression="" field="group" />
    <default applyOnUpdate="0" expression="" field="analysis" />
    <default applyOnUpdate="0" expression="" field="primary" />
    <default applyOnUpdate="0" expression="" field="patrol_days" />
    <default applyOnUpdate="0" expression="" field="other_days" />
    <default applyOnUpdate="0" expression="" field="crimes_patrol" />
    <default applyOnUpdate="0" expression="" field="crimes_other" />
    <default applyOnUpdate="0" expression="" field="rate_patrol" />
    <default applyOnUpdate="0" expression="" field="rate_other" />
    <default applyOnUpdate="0" expression="" field="change_pct" />
    <default applyOnUpdate="0" expression="" field="rate_ratio" />
    <default applyOnUpdate="0" expression="" field="ci_low" />
    <default applyOnUpdate="0" expression="" field="ci_high" />
    <default applyOnUpdate="0" expression="" field="p_value" />
  </defaults>
  <constraints>
    <constraint constraints="0" exp_strength="0" field="group" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="analysis" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="primary" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="patrol_days" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="other_days" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="crimes_patrol" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="crimes_other" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="rate_patrol" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="rate_other" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="change_pct" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="rate_ratio" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="ci_low" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="ci_high" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="p_value" notnull_strength="0" unique_strength="0" />
  </constraints>
  <constraintExpressions>
    <constraint desc="" exp="" field="group" />
    <constraint desc="" exp="" field="analysis" />
    <constraint desc="" exp="" field="primary" />
    <constraint desc="" exp="" field="patrol_days" />
    <constraint desc="" exp="" field="other_days" />
    <constraint desc="" exp="" field="crimes_patrol" />
    <constraint desc="" exp="" field="crimes_other" />
    <constraint desc="" exp="" field="rate_patrol" />
    <constraint desc="" exp="" field="rate_other" />
    <constraint desc="" exp="" field="change_pct" />
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
    <rowstyles>
      <style background_color="#deebf7" background_color_alpha="255" name="Primary analysis" rule="&quot;primary&quot; IN (1, 'true')" />
    </rowstyles>
    <fieldstyles>
      <fieldstyle fieldname="change_pct">
        <style background_color="#c7e9c0" background_color_alpha="255" name="Significantly less crime" rule="@value &lt; 0 AND &quot;p_value&quot; &lt; 0.05" />
        <style background_color="#fcbba1" background_color_alpha="255" name="Significantly more crime" rule="@value &gt; 0 AND &quot;p_value&quot; &lt; 0.05" />
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
