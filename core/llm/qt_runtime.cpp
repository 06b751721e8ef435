#include "llm/qt_runtime.h"

#include <QCoreApplication>

namespace proda::llm {

namespace {
// QCoreApplication keeps references to argc and argv for its whole life.
int gArgc = 1;
char gArg0[] = "proda";
char* gArgv[] = {gArg0, nullptr};
} // namespace

QtRuntime::QtRuntime() {
    if (!QCoreApplication::instance()) app_ = std::make_unique<QCoreApplication>(gArgc, gArgv);
}

QtRuntime::~QtRuntime() = default;

} // namespace proda::llm
