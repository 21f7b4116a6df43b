#include "batchrunner.h"

#include "engine/buildrunner.h"
#include "spec/buildspec.h"

#include <QThread>
#include <functional>

namespace pw {

namespace {

EnvList toEnvList(const QList<NamedValue>& values) {
    EnvList list;
    for (const NamedValue& v : values)
        list.append({v.name, v.value});
    return list;
}

// One dimension of build-matrix: a label ("image", a variable name) and its values.
struct MatrixAxis {
    QString label;
    QStringList values;
    std::function<void(BatchTask&, const QString&)> apply;
};

QList<MatrixAxis> matrixAxes(const BuildspecBuildMatrix& matrix) {
    // compute-type and image do not change a local build, but they still multiply the
    // builds: "one build is created for each combination" (buildspec.md §1.3).
    QList<MatrixAxis> axes{
        {QStringLiteral("buildspec"), matrix.buildspecs,
         [](BatchTask& t, const QString& v) { t.buildspec = v; }},
        {QStringLiteral("compute-type"), matrix.computeTypes, {}},
        {QStringLiteral("image"), matrix.images, {}},
    };
    // No structured binding: clang 14 (the fuzz build) cannot capture one in a lambda.
    for (const auto& variable : matrix.variables) {
        const QString name = variable.first;
        axes << MatrixAxis{name, variable.second, [name](BatchTask& t, const QString& v) {
                               t.variables.append({name, v});
                           }};
    }
    return axes;
}

// build-matrix: one build per combination of the dynamic values (§1.3). POLICY (AWS does not
// document matrix build names): builds are build1, build2, ... in combination order, the
// buildspec varying slowest, and each is named after its dynamic values.
QList<BatchTask> expandMatrix(const BuildspecBuildMatrix& matrix) {
    QList<BatchTask> tasks{BatchTask{}};
    tasks.first().variables = toEnvList(matrix.staticEnv.variables);
    QList<QStringList> labels{{}};
    for (const MatrixAxis& axis : matrixAxes(matrix)) {
        if (axis.values.isEmpty())
            continue;
        QList<BatchTask> next;
        QList<QStringList> nextLabels;
        for (qsizetype i = 0; i < tasks.size(); ++i) {
            for (const QString& value : axis.values) {
                BatchTask copy = tasks.at(i);
                if (axis.apply)
                    axis.apply(copy, value);
                next << copy;
                nextLabels << labels.at(i) + QStringList{axis.label + QLatin1Char('=') + value};
            }
        }
        tasks = next;
        labels = nextLabels;
    }
    for (qsizetype i = 0; i < tasks.size(); ++i) {
        tasks[i].identifier = QStringLiteral("build%1").arg(i + 1);
        tasks[i].name = labels.at(i).join(QStringLiteral(", "));
        tasks[i].ignoreFailure = matrix.ignoreFailure;
    }
    return tasks;
}

}  // namespace

BatchRunner::BatchRunner(BuildRequest base, const BuildspecBatch& batch, QObject* parent)
    : QObject(parent)
    , m_base(std::move(base))
    , m_tasks(expand(batch))
    , m_parallelism(qMax(1, QThread::idealThreadCount()))
    , m_fastFail(batch.fastFail) {
    m_nextNumber = [this] { return m_base.buildNumber + m_counter++; };
}

BatchRunner::~BatchRunner() = default;

QList<BatchTask> BatchRunner::expand(const BuildspecBatch& batch) {
    QList<BatchTask> tasks;
    switch (batch.kind) {
        case BatchKind::BuildList:
        case BatchKind::BuildGraph:
            for (const BuildspecBatchTask& t : batch.tasks) {
                BatchTask task;
                task.identifier = t.identifier;
                task.name = t.identifier;
                task.buildspec = t.buildspec;
                task.dependOn = batch.kind == BatchKind::BuildGraph ? t.dependOn : QStringList();
                task.ignoreFailure = t.ignoreFailure;
                task.variables = toEnvList(t.env.variables);
                tasks << task;
            }
            break;
        case BatchKind::BuildMatrix:
            tasks = expandMatrix(batch.matrix);
            break;
        case BatchKind::BuildFanout:
            // POLICY, as for the matrix: build1 ... buildN, named "shard i of N".
            for (int i = 0; i < batch.fanoutParallelism; ++i) {
                BatchTask task;
                task.identifier = QStringLiteral("build%1").arg(i + 1);
                task.name =
                    QStringLiteral("shard %1 of %2").arg(i + 1).arg(batch.fanoutParallelism);
                task.ignoreFailure = batch.fanoutIgnoreFailure;
                tasks << task;
            }
            break;
        case BatchKind::None:
            break;
    }
    return tasks;
}

void BatchRunner::start() {
    m_running = true;
    schedule();
}

void BatchRunner::stop() {
    m_stopping = true;
    for (BuildRunner* build : std::as_const(m_running_builds))
        build->stop();
    schedule();
}

bool BatchRunner::dependenciesMet(const BatchTask& task, bool* blocked) const {
    *blocked = false;
    for (const QString& id : task.dependOn) {
        const auto dep = std::find_if(m_tasks.begin(), m_tasks.end(),
                                      [&](const BatchTask& t) { return t.identifier == id; });
        if (dep == m_tasks.end())
            continue;  // the validator reports unknown identifiers
        if (dep->skipped || (dep->started && dep->status != RunStatus::InProgress &&
                             dep->status != RunStatus::Succeeded && !dep->ignoreFailure)) {
            *blocked = true;  // "will not run until these tasks are completed" successfully
            return false;
        }
        if (!dep->started || dep->status == RunStatus::InProgress)
            return false;
    }
    return true;
}

void BatchRunner::schedule() {
    bool progress = true;
    while (progress) {
        progress = false;
        for (int i = 0; i < m_tasks.size(); ++i) {
            BatchTask& task = m_tasks[i];
            if (task.started || task.skipped)
                continue;
            bool blocked = false;
            if (m_stopping || (!dependenciesMet(task, &blocked) && blocked)) {
                task.skipped = true;
                progress = true;
                continue;
            }
            if (!blocked && dependenciesMet(task, &blocked) && m_active < m_parallelism) {
                startTask(i);
                progress = true;
            }
        }
    }
    if (m_active == 0)
        finish();
}

void BatchRunner::startTask(int index) {
    BatchTask& task = m_tasks[index];
    task.started = true;
    BuildRequest request = m_base;
    request.batchIdentifier = task.identifier;
    request.buildNumber = m_nextNumber();
    if (!task.buildspec.isEmpty())
        request.buildspecPath = task.buildspec;
    request.overrideVariables = task.variables + m_base.overrideVariables;
    auto* build = new BuildRunner(request, this);
    m_running_builds << build;
    ++m_active;
    connect(build, &BuildRunner::runEvent, this, &BatchRunner::runEvent);
    connect(build, &BuildRunner::finished, this, [this, index, build](RunStatus status) {
        m_tasks[index].result = build->result();
        m_running_builds.removeOne(build);
        build->deleteLater();
        onTaskFinished(index, status);
    });
    build->start();
}

void BatchRunner::onTaskFinished(int index, RunStatus status) {
    --m_active;
    BatchTask& task = m_tasks[index];
    task.status = status;
    if (status != RunStatus::Succeeded && !task.ignoreFailure && m_fastFail && !m_stopping) {
        m_stopping = true;  // fast-fail: stop every running build
        for (BuildRunner* build : std::as_const(m_running_builds))
            build->stop();
    }
    schedule();
}

void BatchRunner::finish() {
    if (!m_running)
        return;
    m_running = false;
    RunStatus status = RunStatus::Succeeded;
    for (BatchTask& t : m_tasks) {
        if (!t.started)
            t.skipped = true;  // waited on a dependency that never came (a cycle, a stop)
        if (t.skipped && !t.ignoreFailure)
            status = RunStatus::Failed;
        else if (t.started && t.status != RunStatus::Succeeded && !t.ignoreFailure)
            status = t.status == RunStatus::Stopped ? RunStatus::Stopped : RunStatus::Failed;
    }
    m_status = status;
    emit finished(status);
}

}  // namespace pw
