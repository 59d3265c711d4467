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
    <field configurationFlags="None" name="hotspots">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="days">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="share_assigned">
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
    <field configurationFlags="None" name="daily_rate">
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
    <field configurationFlags="None" name="dispersion">
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
    <field configurationFlags="None" name="mde">
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
    <field configurationFlags="None" name="days_for_target">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias field="group" index="0" name="Crime group" />
    <alias field="hotspots" index="1" name="Hotspots" />
    <alias field="days" index="2" name="Trial days" />
    <alias field="share_assigned" index="3" name="Share of hotspot-days patrolled" />
    <alias field="daily_rate" index="4" name="Crimes per hotspot-day" />
    <alias field="dispersion" index="5" name="Negative binomial k (empty: Poisson)" />
    <alias field="mde" index="6" name="Smallest detectable drop" />
    <alias field="days_for_target" index="7" name="Trial days for the target drop" />
  </aliases>
  <defaults>
    <default applyOnUpdate="0" expression="" field="group" />
    <default applyOnUpdate="0" expression="" field="hotspots" />
    <default applyOnUpdate="0" expression="" field="days" />
    <default applyOnUpdate="0" expression="" field="share_assigned" />
    <default applyOnUpdate="0" expression="" field="daily_rate" />
    <default applyOnUpdate="0" expression="" field="dispersion" />
    <default applyOnUpdate="0" expression="" field="mde" />
    <default applyOnUpdate="0" expression="" field="days_for_target" />
  </defaults>
  <constraints>
    <constraint constraints="0" exp_strength="0" field="group" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="hotspots" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="days" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="share_assigned" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="daily_rate" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="dispersion" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="mde" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="days_for_target" notnull_strength="0" unique_strength="0" />
  </constraints>
  <constraintExpressions>
    <constraint desc="" exp="" field="group" />
    <constraint desc="" exp="" field="hotspots" />
    <constraint desc="" exp="" field="days" />
    <constraint desc="" exp="" field="share_assigned" />
    <constraint desc="" exp="" field="daily_rate" />
    <constraint desc="" exp="" field="dispersion" />
    <constraint desc="" exp="" field="mde" />
    <constraint desc="" exp="" field="days_for_target" />
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
