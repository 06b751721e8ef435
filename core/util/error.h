#pragma once
// Error types shared by every layer. InputError means the user's data is at fault (CLI exit 2);
// anything else that escapes is an internal error (exit 3).
#include <stdexcept>
#include <string>

namespace proda {

// A problem with user input, located as precisely as we can: file, line and field.
class InputError : public std::runtime_error {
  public:
    InputError(std::string file, long line, std::string field, const std::string& what)
        : std::runtime_error(format(file, line, field, what)), file_(std::move(file)), line_(line),
          field_(std::move(field)) {}
    explicit InputError(const std::string& what) : std::runtime_error(what), line_(0) {}

    const std::string& file() const { return file_; }
    long line() const { return line_; }
    const std::string& field() const { return field_; }

  private:
    static std::string format(const std::string& file, long line, const std::string& field, const std::string& what) {
        std::string s = file;
        if (line > 0) s += ":" + std::to_string(line);
        if (!field.empty()) s += ": field '" + field + "'";
        return s + ": " + what;
    }
    std::string file_;
    long line_;
    std::string field_;
};

// The project file cannot be used (newer schema, not a project, corrupt).
class ProjectError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Raised from inside long work when the caller asked it to stop.
class Cancelled : public std::runtime_error {
  public:
    Cancelled() : std::runtime_error("cancelled") {}
};

} // namespace proda
