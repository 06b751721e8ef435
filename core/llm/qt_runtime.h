#pragma once
// Qt Network needs a QCoreApplication. Code that uses the chat client from a program without one
// (the proda CLI) holds a QtRuntime for the duration; where an application object already exists
// (the workbench, Qt Test) it does nothing. Construct it on the main thread.
#include <memory>

class QCoreApplication;

namespace proda::llm {

class QtRuntime {
  public:
    QtRuntime();
    ~QtRuntime();
    QtRuntime(const QtRuntime&) = delete;
    QtRuntime& operator=(const QtRuntime&) = delete;

  private:
    std::unique_ptr<QCoreApplication> app_;
};

} // namespace proda::llm
