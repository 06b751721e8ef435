// proda: the command-line twin of the workbench.
// Exit codes: 0 ok, 1 usage error, 2 bad input (data or project file), 3 internal error.
#include "cli/debug_cli.h"
#include "cli/terminal_progress.h"
#include "cli/verbs.h"
#include "util/error.h"

#include <algorithm>
#include <cstdio>
#include <iostream>

using namespace proda;
using namespace proda::cli;

namespace {

std::vector<Verb> allVerbs() {
    std::vector<Verb> verbs = knowledgeVerbs();
    for (auto& v : benchmarkVerbs()) verbs.push_back(std::move(v));
    for (auto& v : synthVerbs()) verbs.push_back(std::move(v));
    for (auto& v : extractVerbs()) verbs.push_back(std::move(v));
    for (auto& v : itemVerbs()) verbs.push_back(std::move(v));
    for (auto& v : trainVerbs()) verbs.push_back(std::move(v));
    for (auto& v : debugVerbs()) verbs.push_back(std::move(v));
    for (auto& v : debugLoopVerbs()) verbs.push_back(std::move(v));
    return verbs;
}

void printUsage(const std::vector<Verb>& verbs) {
    std::cout << "usage: proda VERB PROJECT [args]   (proda VERB --help for details)\n\nverbs:\n";
    int width = 0;
    for (const auto& v : verbs) width = std::max(width, int(v.name.size()));
    for (const auto& v : verbs) std::printf("  %-*s  %s\n", width, v.name.c_str(), v.summary.c_str());
    std::cout << "\nexit codes: 0 ok, 1 usage error, 2 bad input, 3 internal error\n";
}

void printVerbHelp(const Verb& v) {
    std::cout << "usage: proda " << v.name << " " << v.usage << "\n\n" << v.summary << "\n";
    if (!v.options.empty()) std::cout << "\noptions:\n";
    for (const auto& o : v.options) {
        std::string left = "--" + o.name + (o.value.empty() ? "" : " " + o.value);
        std::printf("  %-24s %s\n", left.c_str(), o.help.c_str());
    }
    std::printf("  %-24s %s\n", "--help", "show this help");
}

} // namespace

int main(int argc, char** argv) {
    const auto verbs = allVerbs();
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        printUsage(verbs);
        return args.empty() ? 1 : 0;
    }
    if (args[0] == "--version") {
        std::cout << "proda 0.1.0\n";
        return 0;
    }
    const Verb* verb = nullptr;
    for (const auto& v : verbs)
        if (v.name == args[0]) verb = &v;
    if (!verb) {
        std::cerr << "proda: unknown verb '" << args[0] << "'\n";
        printUsage(verbs);
        return 1;
    }
    args.erase(args.begin());
    for (const auto& a : args)
        if (a == "--help" || a == "-h") {
            printVerbHelp(*verb);
            return 0;
        }
    try {
        Args parsed(args, verb->options);
        const auto n = parsed.positional().size();
        if (n < verb->minPositional || n > verb->maxPositional) throw UsageError("expected " + verb->usage);
        return verb->run(parsed);
    } catch (const UsageError& e) {
        finishProgress();
        std::cerr << "proda " << verb->name << ": " << e.what() << "\nusage: proda " << verb->name << " " << verb->usage
                  << "\n";
        return 1;
    } catch (const InputError& e) {
        finishProgress();
        std::cerr << "proda " << verb->name << ": error: " << e.what() << "\n(nothing was changed)\n";
        return 2;
    } catch (const ProjectError& e) {
        finishProgress();
        std::cerr << "proda " << verb->name << ": error: " << e.what() << "\n";
        return 2;
    } catch (const Cancelled&) {
        finishProgress();
        std::cerr << "proda " << verb->name << ": cancelled (nothing was changed)\n";
        return 3;
    } catch (const std::exception& e) {
        finishProgress();
        std::cerr << "proda " << verb->name << ": internal error: " << e.what() << "\n";
        return 3;
    }
}
