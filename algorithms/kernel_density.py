"""hotspotpatrol:kerneldensity — a fast, exact drop-in for QGIS's Heatmap."""

import os

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsRasterFileWriter,
)

from ..core import grid, kde
from .base import HotspotAlgorithm
from .reader import extent_to_cover, period_from_parameters, read_points, restrict_to_period
from .styles import style_on_load

try:
    from osgeo import gdal
except ImportError:  # pragma: no cover - QGIS always ships GDAL's bindings on the platforms we support
    gdal = None

NO_DATA = -9999.0  # QGIS's Heatmap NoData value


class KernelDensityAlgorithm(HotspotAlgorithm):
    ALGORITHM_ID = "kerneldensity"
    GROUP = "see"
    ICON = "kernel_density"
    REFERENCES = ("chainey2008", "silverman1986", "wand1995")

    RADIUS = "RADIUS"
    RADIUS_FIELD = "RADIUS_FIELD"
    PIXEL_SIZE = "PIXEL_SIZE"
    WEIGHT_FIELD = "WEIGHT_FIELD"
    KERNEL = "KERNEL"
    DECAY = "DECAY"
    OUTPUT_VALUE = "OUTPUT_VALUE"
    EXTENT = "EXTENT"
    CRIMES_COUNTED = "CRIMES_COUNTED"

    def displayName(self):
        return self.tr("Kernel density (fast heatmap)")

    def tags(self):
        return self.tr("heatmap,kernel density,KDE,hotspot,crime,raster").split(",")

    def summary(self):
        return self.tr(
            "A smooth crime density surface (a heatmap) from crime points: a drop-in for QGIS's Heatmap (Kernel "
            "Density Estimation) with the same parameter names and meanings, many times faster, and exact. Of "
            "the common ways of mapping hotspots, kernel density predicted best where crime would happen next "
            "(Chainey, Tompson &amp; Uhlig 2008).")

    def method(self):
        return self.tr(
            "every pixel holds the exact kernel sum at its centre, Σ weight × K(distance from the crime to the "
            "pixel centre), to within 0.1% of the raster's maximum (Silverman 1986). Crimes are grouped by "
            "location; ordinary locations are linearly binned onto the pixel grid and convolved with the sampled "
            "kernel by FFT (Wand &amp; Jones 1995; cost independent of points × kernel pixels); locations "
            "carrying many crimes, per-point radii, small radii and kernels with a hard edge (Uniform) are "
            "evaluated exactly.")

    def notes(self):
        return [(self.tr("How it differs from QGIS's Heatmap"), self.tr(
            "<ul><li>Heatmap places each point's kernel up to one pixel off vertically: it computes pixel centres "
            "from the bottom of the raster but writes the kernel from the top, which mirrors a point's position "
            "inside its pixel. On spread-out data the errors average out and the two rasters agree closely; "
            "where many crimes share one location (police data snaps crimes to anonymised points) Heatmap's "
            "pixels are off by several per cent. This tool does not copy that error.</li>"
            "<li>Scaled output integrates to the total weight for every kernel (raster sum × pixel area = number "
            "of crimes). QGIS 3.22 to 3.38 scale the quartic kernel 7.25 times too high (fixed upstream in "
            "2025).</li></ul>"))]

    def initAlgorithm(self, config=None):
        self.add_crimes_input()
        self.add(QgsProcessingParameterNumber(
            self.RADIUS, self.tr("Radius (metres)"), QgsProcessingParameterNumber.Double,
            defaultValue=150.0, minValue=0.0),
            self.tr("The kernel radius (bandwidth) in metres; 150 m matches the patrol cells."), decimals=0)
        self.add(QgsProcessingParameterField(
            self.RADIUS_FIELD, self.tr("Radius from field (metres)"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.Numeric, optional=True),
            self.tr("A radius per point instead of RADIUS, in metres."), advanced=True)
        self.add(QgsProcessingParameterNumber(
            self.PIXEL_SIZE, self.tr("Output raster pixel size (metres)"), QgsProcessingParameterNumber.Double,
            defaultValue=10.0, minValue=0.0),
            self.tr("The pixel size in metres; at least 1 cm and a billionth of the largest coordinate."), decimals=0)
        self.add(QgsProcessingParameterField(
            self.WEIGHT_FIELD, self.tr("Weight from field"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.Numeric, optional=True),
            self.tr("An optional numeric weight per crime; null weights are skipped. Negative weights are "
                    "allowed, as in QGIS's Heatmap: they subtract from the surface (e.g. one layer's crimes minus "
                    "another's), so the raster can hold negative values."), advanced=True)
        self.add(QgsProcessingParameterEnum(
            self.KERNEL, self.tr("Kernel shape"),
            options=[self.tr("Quartic"), self.tr("Triangular"), self.tr("Uniform"), self.tr("Triweight"),
                     self.tr("Epanechnikov"), self.tr("Gaussian (σ = radius/3, cut off at radius)")],
            defaultValue=0),
            self.tr("The kernel: Quartic (biweight), Triangular, Uniform, Triweight or Epanechnikov, as in QGIS; "
                    "or Gaussian, with σ = RADIUS/3 and cut off at RADIUS (3σ), so it reaches as far as the other "
                    "kernels."), advanced=True)
        self.add(QgsProcessingParameterNumber(
            self.DECAY, self.tr("Decay ratio (Triangular kernels only)"), QgsProcessingParameterNumber.Double,
            defaultValue=0.0, optional=True, minValue=-100.0, maxValue=100.0),
            self.tr("For the Triangular kernel only, the kernel's value at the radius relative to its centre "
                    "(0: a cone; 1: flat), as in QGIS."), advanced=True, decimals=2)
        self.add(QgsProcessingParameterEnum(
            self.OUTPUT_VALUE, self.tr("Output value scaling"), options=[self.tr("Raw"), self.tr("Scaled")],
            defaultValue=0),
            self.tr("Raw: the sum of weight × kernel, 1 at a lone point. Scaled: a true density, crimes per "
                    "square metre."), advanced=True)
        self.add_time_parameters()
        self.add_crs_parameter()
        self.add(QgsProcessingParameterExtent(self.EXTENT, self.tr("Extent of the raster"), optional=True),
                 self.tr("The rectangle the raster covers, grown by the radius as Heatmap grows the layer's "
                         "extent (with its CRS, or typed without one, in INPUT's CRS). Every crime counts, so "
                         "density near its edges includes crimes just outside. Empty: the layer's extent. Crimes "
                         "far outside the area holding the rest (flagged and named in the log on every read) "
                         "must not blow up the raster: when they would make it more than 1.2 times the pixels "
                         "the other crimes need, the run is refused, naming them; give EXTENT or leave them "
                         "out."))
        self.add(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Heatmap")),
                 self.tr("The raster (32-bit float, GeoTIFF by default; the format follows the extension, and "
                         "one that is not a raster format able to hold 32-bit floats, e.g. .png or .docx, is "
                         "refused before any work) on QGIS Heatmap's grid: the layer's extent grown by the "
                         "radius, the same size, origin and pixel size, and NoData (-9999) where no kernel "
                         "reaches a pixel centre. The extent spans every located crime, not only the period's, "
                         "so the rasters of two periods align pixel for pixel."))
        self.add_output(QgsProcessingOutputNumber(self.CRIMES_COUNTED, self.tr("Crimes counted")),
                        self.tr("Crimes in the surface."))

    def check_parameters(self, parameters, context):
        pixel_size = self.parameterAsDouble(parameters, self.PIXEL_SIZE, context)
        if not pixel_size > 0:
            raise QgsProcessingException(self.tr(
                "PIXEL_SIZE must be more than 0 metres (it is {:g}); 10 m suits 150 m hotspots.").format(pixel_size))
        radius = self.parameterAsDouble(parameters, self.RADIUS, context)
        if not self.parameterAsString(parameters, self.RADIUS_FIELD, context) and not radius > 0:
            raise QgsProcessingException(self.tr(
                "RADIUS must be more than 0 metres (it is {:g}); 150 m matches the patrol cells.").format(radius))

    def processAlgorithm(self, parameters, context, feedback):
        if gdal is None:
            raise QgsProcessingException(self.tr("GDAL's Python bindings (osgeo) are missing from this QGIS."))
        radius = self.parameterAsDouble(parameters, self.RADIUS, context)
        radius_field = self.parameterAsString(parameters, self.RADIUS_FIELD, context) or None
        pixel_size = self.parameterAsDouble(parameters, self.PIXEL_SIZE, context)
        kernel = kde.KERNELS[self.parameterAsEnum(parameters, self.KERNEL, context)]
        decay = 0.0 if parameters.get(self.DECAY) is None else self.parameterAsDouble(parameters, self.DECAY, context)
        scaled = self.parameterAsEnum(parameters, self.OUTPUT_VALUE, context) == 1
        start, end = period_from_parameters(self, parameters, context)
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        driver = self._raster_driver(output)

        points = read_points(
            self, parameters, self.INPUT, context, feedback,
            target_crs=self.parameterAsCrs(parameters, self.TARGET_CRS, context),
            weight_field=self.parameterAsString(parameters, self.WEIGHT_FIELD, context) or None,
            radius_field=radius_field,
            time_expression=self.parameterAsExpression(parameters, self.TIME, context))
        # The raster spans every located crime (or EXTENT), not only the period's, so periods align.
        reach = float(points.radius.max()) if radius_field else radius
        extent = extent_to_cover(self, parameters, context, points,
                                 lambda box: kde.heatmap_pixel_count(*box, reach, pixel_size),
                                 self.tr("pixels of {:g} m").format(pixel_size))
        self.run_core(grid.check_size_for_coordinates, pixel_size,
                      grid.coordinate_magnitude(extent) + reach, "pixel_size", "10 m suits 150 m hotspots")
        raster_grid = self.run_core(kde.heatmap_grid, *extent, reach, pixel_size)
        points = restrict_to_period(points, start, end, feedback)
        feedback.pushInfo(self.tr("Raster of {} × {} pixels of {:g} m; {} crimes.").format(
            raster_grid.n_cols, raster_grid.n_rows, pixel_size, len(points)))
        feedback.setProgress(30)
        values, covered = self.run_core(
            kde.kernel_density, points.x, points.y, raster_grid, radius, weights=points.weight,
            kernel=kernel, scaled=scaled, decay=decay, radii=points.radius,
            progress=self.progress_callback(feedback, 30, 90))
        self._write_raster(driver, output, values, covered, raster_grid, points.crs)
        style_on_load(context, output, "density")
        feedback.setProgress(100)
        return {self.OUTPUT: output, self.CRIMES_COUNTED: len(points)}

    def _raster_driver(self, path):
        """The GDAL driver for OUTPUT's extension; refused unless it is a raster format that can hold
        32-bit floating-point values (checked before any work, so a .docx never becomes a GeoTIFF)."""
        extension = os.path.splitext(path)[1].lstrip(".")
        name = QgsRasterFileWriter.driverForExtension(extension) if extension else ""
        driver = gdal.GetDriverByName(name) if name else None
        if driver is None or driver.GetMetadataItem("DCAP_RASTER") != "YES":
            raise QgsProcessingException(self.tr(
                "OUTPUT {} has {}, which is not a raster format GDAL can write. Name the raster with a raster "
                "extension: .tif (GeoTIFF, the usual choice), .img, .sdat, .nc or .asc.").format(
                    path, self.tr("the extension .{}").format(extension) if extension else self.tr("no extension")))
        types = (driver.GetMetadataItem("DMD_CREATIONDATATYPES") or "").split()
        writable = "YES" in (driver.GetMetadataItem("DCAP_CREATE"), driver.GetMetadataItem("DCAP_CREATECOPY"))
        if name == "VRT" or not writable or (types and "Float32" not in types):
            raise QgsProcessingException(self.tr(
                "OUTPUT {}: the {} format (.{}) cannot hold the density's 32-bit floating-point values. Use .tif "
                "(GeoTIFF), or .img, .sdat, .nc or .asc.").format(path, driver.LongName, extension))
        return driver

    def _write_raster(self, driver, path, values, covered, raster_grid, crs):
        # Formats that GDAL can only copy to (e.g. Arc/Info ASCII .asc) are written through memory.
        direct = driver.GetMetadataItem("DCAP_CREATE") == "YES"
        target = driver if direct else gdal.GetDriverByName("MEM")
        try:
            dataset = target.Create(path if direct else "", raster_grid.n_cols, raster_grid.n_rows, 1,
                                    gdal.GDT_Float32)
        except RuntimeError:  # GDAL raises instead once exceptions are on (QGIS 3.40's Processing does that)
            dataset = None
        if dataset is None:
            raise QgsProcessingException(self.tr(
                "Could not create the raster {}: choose a writable folder and a GeoTIFF (.tif) name.").format(path))
        dataset.SetGeoTransform(raster_grid.geotransform())
        dataset.SetProjection(crs.toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED_GDAL))
        band = dataset.GetRasterBand(1)
        band.SetNoDataValue(NO_DATA)
        values[~covered] = NO_DATA
        band.WriteArray(values)  # GDAL converts to the band's Float32
        dataset.FlushCache()
        if not direct:
            try:
                copied = driver.CreateCopy(path, dataset)
            except RuntimeError:
                copied = None
            if copied is None:
                raise QgsProcessingException(self.tr(
                    "Could not write the raster {}: choose a writable folder and a GeoTIFF (.tif) name.").format(path))
            copied.FlushCache()
