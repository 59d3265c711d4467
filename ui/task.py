"""A background task that runs Processing algorithms one after another."""

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsMapLayerStore,
    QgsMessageLog,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingMultiStepFeedback,
    QgsTask,
)
from qgis.PyQt.QtCore import Qt, pyqtSignal

from ..algorithms.translate import tr

LOG_TAG = "Hotspot Patrol"  # the tab of the QGIS log with the technical details of failures


class RecordingFeedback(QgsProcessingFeedback):
    """Processing feedback that keeps the errors and warnings for the dock to show."""

    def __init__(self):
        super().__init__(False)
        self.errors = []
        self.warnings = []

    def reportError(self, error, fatalError=False):  # noqa: N802, N803 (QGIS's names)
        self.errors.append(error)
        super().reportError(error, fatalError)

    def pushWarning(self, warning):  # noqa: N802 (QGIS's name)
        self.warnings.append(warning)
        super().pushWarning(warning)


def is_unexpected(error):
    """Whether ``error`` is a Python traceback (a bug, not bad input): Processing reports an exception other
    than a QgsProcessingException that way."""
    return "Traceback (most recent call last)" in error


def log_details(details):
    """Keep the technical ``details`` of a failure in the QGIS log, tab Hotspot Patrol."""
    QgsMessageLog.logMessage(details, LOG_TAG, Qgis.MessageLevel.Critical)


def readable_error(error):
    """``error`` in words for people: a traceback goes to the log, and the words say where it is."""
    if not error or is_unexpected(error):
        log_details(error or "A step failed without a message.")
        return tr("it failed unexpectedly; details are in the log (Hotspot Patrol tab).")
    return error


class AlgorithmChainTask(QgsTask):
    """Run ``steps`` in a background thread, each a ``(label, algorithm_id, parameters)`` or
    ``(label, algorithm_id, parameters, optional)``.

    Later steps read earlier steps' outputs by file path, so every parameter is known before the task
    starts; ``parameters`` may instead be a function of the earlier steps' results, called when the step
    starts (for a value drawn from an earlier output's content, such as its extent).  The Processing
    context is made in the worker thread (contexts are bound to the thread that made them).  Input layers
    should be clones that no one else can delete while the task reads them:
    give them as ``layers`` and the task owns them, and deletes them in the
    main thread when it finishes.  ``chain_finished(ok)`` is emitted then;
    ``results`` holds one result map per step, or ``error`` says what failed (a traceback when it was
    no QgsProcessingException).  An optional step that fails leaves None in ``results``, its message
    in ``feedback.warnings`` (a traceback only in the log), and the
    chain goes on: a failed extra (the time profile of data without times of day, a density
    surface) never costs the plan.
    """

    step_started = pyqtSignal(str)
    chain_finished = pyqtSignal(bool)

    def __init__(self, description, steps, project, layers=()):
        super().__init__(description, QgsTask.Flag.CanCancel)
        registry = QgsApplication.processingRegistry()
        self.steps = []
        for label, algorithm_id, parameters, *optional in steps:
            # Our own instances, but they still point at the provider: the dock's cleanup() waits for
            # the task before the plugin removes it.
            algorithm = registry.createAlgorithmById(algorithm_id)
            if algorithm is None:
                raise ValueError(f"The algorithm {algorithm_id} is not installed.")
            self.steps.append((label, algorithm, parameters, bool(optional and optional[0])))
        self.project = project
        # A store, not Python, owns the layers: when an algorithm fails, QGIS (3.22) keeps its
        # Python traceback and so the parameters, and a Python-owned layer would then outlive
        # QGIS and crash at exit.
        self.layer_store = QgsMapLayerStore()
        self.layer_store.addMapLayers(list(layers))
        self.feedback = RecordingFeedback()
        self.feedback.progressChanged.connect(self.setProgress, Qt.ConnectionType.DirectConnection)
        self.results = []
        self.error = ""

    def cancel(self):
        self.feedback.cancel()
        super().cancel()

    def run(self):
        context = QgsProcessingContext()
        context.setProject(self.project)
        steps = QgsProcessingMultiStepFeedback(len(self.steps), self.feedback)
        for number, (label, algorithm, parameters, optional) in enumerate(self.steps):
            if self.isCanceled():
                return False
            steps.setCurrentStep(number)
            self.step_started.emit(label)
            if callable(parameters):
                parameters = parameters(self.results)
            valid, message = algorithm.checkParameterValues(parameters, context)
            results, ok = algorithm.run(parameters, context, steps) if valid else ({}, False)
            if self.isCanceled():
                return False
            if not ok:
                reported = self.feedback.errors[-1] if self.feedback.errors else ""
                error = (message if not valid else reported).strip()
                if not optional:
                    self.error = error
                    return False
                # Reported once, as a warning: the failed extra is no error of the run.
                self.feedback.errors = [e for e in self.feedback.errors if e.strip() != error]
                self.feedback.warnings.append(f"{algorithm.displayName()}: {readable_error(error)}")
                results = None
            self.results.append(results)
        return True

    def finished(self, result):
        self.steps = []
        self.layer_store.removeAllMapLayers()
        self.chain_finished.emit(bool(result) and not self.isCanceled())
