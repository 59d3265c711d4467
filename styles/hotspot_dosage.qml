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
    <field configurationFlags="None" name="rank">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="planned_visits">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="planned_minutes">
      <editWidget type="Range">
        <config>
          <Option type="Map">
            <Option name="AllowNull" type="bool" value="true" />
            <Option name="Precision" type="int" value="0" />
            <Option name="Style" type="QString" value="SpinBox" />
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="delivered_visits">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="stays">
      <editWidget type="">
        <config>
          <Option />
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="stay_minutes">
      <editWidget type="Range">
        <config>
          <Option type="Map">
            <Option name="AllowNull" type="bool" value="true" />
            <Option name="Precision" type="int" value="0" />
            <Option name="Style" type="QString" value="SpinBox" />
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="koper_share">
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
    <alias field="rank" index="1" name="Rank" />
    <alias field="planned_visits" index="2" name="Visits planned" />
    <alias field="planned_minutes" index="3" name="Minutes planned" />
    <alias field="delivered_visits" index="4" name="Planned visits delivered" />
    <alias field="stays" index="5" name="Visits made" />
    <alias field="stay_minutes" index="6" name="Minutes present" />
    <alias field="koper_share" index="7" name="Share of visits lasting 10–16 min" />
  </aliases>
  <defaults>
    <default applyOnUpdate="0" expression="" field="hotspot_id" />
    <default applyOnUpdate="0" expression="" field="rank" />
    <default applyOnUpdate="0" expression="" field="planned_visits" />
    <default applyOnUpdate="0" expression="" field="planned_minutes" />
    <default applyOnUpdate="0" expression="" field="delivered_visits" />
    <default applyOnUpdate="0" expression="" field="stays" />
    <default applyOnUpdate="0" expression="" field="stay_minutes" />
    <default applyOnUpdate="0" expression="" field="koper_share" />
  </defaults>
  <constraints>
    <constraint constraints="0" exp_strength="0" field="hotspot_id" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="rank" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="planned_visits" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="planned_minutes" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="delivered_visits" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="stays" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="stay_minutes" notnull_strength="0" unique_strength="0" />
    <constraint constraints="0" exp_strength="0" field="koper_share" notnull_strength="0" unique_strength="0" />
  </constraints>
  <constraintExpressions>
    <constraint desc="" exp="" field="hotspot_id" />
    <constraint desc="" exp="" field="rank" />
    <constraint desc="" exp="" field="planned_visits" />
    <constraint desc="" exp="" field="planned_minutes" />
    <constraint desc="" exp="" field="delivered_visits" />
    <constraint desc="" exp="" field="stays" />
    <constraint desc="" exp="" field="stay_minutes" />
    <constraint desc="" exp="" field="koper_share" />
  </constraintExpressions>
  <expressionfields />
  <attributetableconfig actionWidgetStyle="dropDown" sortExpression="&quot;rank&quot;" sortOrder="0">
    <columns>
      <column hidden="0" name="hotspot_id" type="field" width="-1" />
      <column hidden="0" name="rank" type="field" width="-1" />
      <column hidden="0" name="planned_visits" type="field" width="-1" />
      <column hidden="0" name="planned_minutes" type="field" width="-1" />
      <column hidden="0" name="delivered_visits" type="field" width="-1" />
      <column hidden="0" name="stays" type="field" width="-1" />
      <column hidden="0" name="stay_minutes" type="field" width="-1" />
      <column hidden="0" name="koper_share" type="field" width="-1" />
      <column hidden="1" type="actions" width="-1" />
    </columns>
  </attributetableconfig>
  <conditionalstyles>
    <rowstyles />
    <fieldstyles>
      <fieldstyle fieldname="delivered_visits">
        <style background_color="#fdd49e" background_color_alpha="255" name="Fewer than planned" rule="@value &lt; &quot;planned_visits&quot;" />
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
