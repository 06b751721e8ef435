// `proda bench SUBCOMMAND PROJECT ...`: benchmark items built from L3 chains (generate, check,
// show, review). The sub-command is the first positional so one verb groups the tester's work.
#include "cli/terminal_progress.h"
#include "cli/verbs.h"
#include "review/review_store.h"
#include "store/knowledge_queries.h"
#include "store/project.h"
#include "tester/checks.h"
#include "tester/generator.h"
#include "tester/item_export.h"
#include "tester/item_store.h"
#include "util/error.h"
#include "util/text.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

namespace proda::cli {

namespace {

using nlohmann::json;

const char* kUsage =
    "generate|check|show|review|guidelines PROJECT [ID] [options]\n\n"
    "sub-commands:\n"
    "  generate PROJECT [--per-chain N] [--per-frame N] [--seed S] [--dev-fraction F] [--json]\n"
    "                           build items from the chains (human decisions are kept)\n"
    "  check PROJECT [--json]   validity, orthogonality, bias and coverage of the items\n"
    "  show PROJECT [ID | --random N [--seed S]] [--json]\n"
    "                           print items: stem, options A-D (* = correct), chain, operators\n"
    "  review PROJECT ID --status accepted|rejected|edited|proposed [--reason R] [--note TEXT]\n"
    "         [--question TEXT] [--option L=TEXT]\n"
    "                           record a decision on an item, or on a distractor (ID:LETTER)\n"
    "  guidelines PROJECT [--set FILE]\n"
    "                           print the review guidelines the workbench shows, or set them (Markdown)";

json itemJson(const Item& it) {
    json d = json::array();
    for (const auto& x : it.distractors)
        d.push_back({{"option", std::string(1, optionLetter(x.optionIndex))},
                     {"text", x.text},
                     {"operator", x.op},
                     {"node_ids", x.nodeIds},
                     {"status", x.status},
                     {"reason", x.reason}});
    return {{"id", it.id},
            {"chain_id", it.chainId},
            {"shape", toString(it.shape)},
            {"template_id", it.templateId},
            {"question", it.question},
            {"options", it.options},
            {"answer", std::string(1, optionLetter(it.answer))},
            {"explanation", it.explanation},
            {"discipline", it.discipline},
            {"split", it.split},
            {"status", it.status},
            {"reason", it.reason},
            {"distractors", d}};
}

// The chain as a readable path, edges oriented as the chain walks them.
std::string chainPath(KnowledgeQueries& q, const std::string& chainId) {
    auto g = q.chain(chainId);
    if (!g || g->relations.empty()) return "(chain " + chainId + " not found)";
    std::vector<Relation> rs;
    for (const auto& id : g->relations)
        if (auto r = q.relation(id)) rs.push_back(*r);
    if (rs.size() < 2) return "(chain " + chainId + " is not a path)";
    auto term = [&](const std::string& id) {
        auto c = q.conceptById(id);
        return c ? c->term : id;
    };
    std::string cur = (rs[0].object == rs[1].subject || rs[0].object == rs[1].object) ? rs[0].subject : rs[0].object;
    std::string s = term(cur);
    for (const auto& r : rs) {
        if (r.subject == cur) {
            s += " -[" + r.predicate + "]-> ";
            cur = r.object;
        } else {
            s += " <-[" + r.predicate + "]- ";
            cur = r.subject;
        }
        s += term(cur);
    }
    return s;
}

void printItem(const Item& it, KnowledgeQueries& q) {
    std::cout << "item " << it.id << "  (" << toString(it.shape) << ", " << it.split << ", " << it.status
              << (it.reason.empty() ? "" : ": " + it.reason) << ")  " << it.discipline << "  template " << it.templateId
              << "\n";
    std::cout << "  " << it.question << "\n";
    for (int i = 0; i < 4; ++i) {
        std::cout << "  " << (i == it.answer ? "* " : "  ") << optionLetter(i) << ". " << it.options[i];
        for (const auto& d : it.distractors)
            if (d.optionIndex == i) {
                std::cout << "   [" << d.op;
                if (d.status != "proposed") std::cout << ", " << d.status;
                std::cout << "]";
            }
        std::cout << "\n";
    }
    std::cout << "  chain " << it.chainId << ": " << chainPath(q, it.chainId) << "\n\n";
}

int runGenerate(const Args& a, Project& p) {
    GenerateOptions opt;
    opt.perChain = static_cast<int>(a.integer("per-chain", 1, 1, 20));
    opt.maxPerFrame = static_cast<int>(a.integer("per-frame", opt.maxPerFrame, 0, 1000));
    opt.seed = static_cast<std::uint64_t>(a.integer("seed", 1, 0, 1L << 62));
    opt.devFraction = a.number("dev-fraction", opt.devFraction, 0, 1);
    Progress progress = terminalProgress(!a.flag("json"));
    const GenerateReport r = generateItems(p.db(), opt, progress);
    finishProgress();
    json j = {{"chains", r.chains},
              {"chains_with_items", r.chainsWithItems},
              {"generated", r.generated},
              {"kept_human_decisions", r.keptHuman},
              {"removed_stale", r.removedStale},
              {"skipped_no_distractors", r.skippedNoDistractors},
              {"skipped_broken_chain", r.skippedBrokenChain},
              {"skipped_long_chain", r.skippedLongChain},
              {"skipped_against_direction", r.skippedAgainstDirection},
              {"skipped_broad_answer", r.skippedBroadAnswer},
              {"skipped_not_things", r.skippedNotThings},
              {"skipped_misread", r.skippedMisread},
              {"skipped_open_relation", r.skippedOpenRelation},
              {"skipped_same_term_hop", r.skippedSameTermHop},
              {"skipped_unknown_category", r.skippedUnknownCategory},
              {"skipped_overlapping_roles", r.skippedOverlappingRoles},
              {"skipped_repeated_frame", r.skippedRepeatedFrame},
              {"by_shape", r.byShape},
              {"by_operator", r.byOperator},
              {"project_operator_weights", r.projectWeights},
              {"load_s", r.loadSeconds},
              {"generate_s", r.generateSeconds},
              {"write_s", r.writeSeconds}};
    if (a.flag("json")) {
        printJson(j.dump(2));
        return 0;
    }
    std::printf("generated %lld items from %lld of %lld chains (%lld kept with human decisions, %lld stale removed)\n",
                static_cast<long long>(r.generated), static_cast<long long>(r.chainsWithItems),
                static_cast<long long>(r.chains), static_cast<long long>(r.keptHuman),
                static_cast<long long>(r.removedStale));
    std::cout << "shapes: " << json(r.byShape).dump() << "\noperators: " << json(r.byOperator).dump() << "\n";
    if (!r.projectWeights.empty())
        std::cout << "operator weights from the project's review statistics: " << json(r.projectWeights).dump() << "\n";
    std::printf("skipped: %lld chains without enough valid distractors, %lld broken, %lld longer than the item limit, "
                "%lld against a relation's direction, %lld asking only for a broad category, %lld through verbs or "
                "adjectives, %lld through a word usually read in another sense, %lld asking for a concept "
                "reached through a relation with many objects (\"has\", \"uses\"), %lld with a hop between two senses "
                "of one term, %lld asking for a concept of no known kind, %lld asking which of two overlapping roles "
                "lies between them, %lld repeating the later hops of items made already (--per-frame)\n"
                "%.2f s load, %.2f s generate, %.2f s write\n",
                static_cast<long long>(r.skippedNoDistractors), static_cast<long long>(r.skippedBrokenChain),
                static_cast<long long>(r.skippedLongChain), static_cast<long long>(r.skippedAgainstDirection),
                static_cast<long long>(r.skippedBroadAnswer), static_cast<long long>(r.skippedNotThings),
                static_cast<long long>(r.skippedMisread), static_cast<long long>(r.skippedOpenRelation),
                static_cast<long long>(r.skippedSameTermHop), static_cast<long long>(r.skippedUnknownCategory),
                static_cast<long long>(r.skippedOverlappingRoles), static_cast<long long>(r.skippedRepeatedFrame),
                r.loadSeconds, r.generateSeconds, r.writeSeconds);
    return 0;
}

int runCheck(const Args& a, Project& p) {
    const CheckReport r = checkItems(p.db(), checkOptionsFor(p.db()));
    if (a.flag("json"))
        printJson(toJson(r).dump(2));
    else {
        std::cout << toText(r);
        for (std::size_t i = 0; i < r.problems.size() && i < 20; ++i)
            std::cout << "  problem: " << toJson(r.problems[i]).dump() << "\n";
        if (r.problems.size() > 20) std::cout << "  ... " << r.problems.size() - 20 << " more (--json lists all)\n";
    }
    return 0;
}

int runShowItems(const Args& a, Project& p) {
    std::vector<Item> items;
    if (a.positional().size() == 3) {
        auto it = loadItem(p.db(), a.positional()[2]);
        if (!it) throw InputError(p.path(), 0, "ID", "no item with id '" + a.positional()[2] + "'");
        items.push_back(*it);
    } else {
        items = loadItems(p.db());
        const auto n = static_cast<std::size_t>(a.integer("random", 20, 1, 100000));
        // Items are loaded in id order, so the same seed shows the same sample.
        std::mt19937_64 rng(static_cast<std::uint64_t>(a.integer("seed", 1, 0, 1L << 62)));
        std::shuffle(items.begin(), items.end(), rng);
        if (items.size() > n) items.resize(n);
    }
    if (a.flag("json")) {
        json arr = json::array();
        for (const auto& it : items) arr.push_back(itemJson(it));
        printJson(arr.dump(2));
        return 0;
    }
    if (items.empty()) std::cout << "no items (run: proda bench generate " << p.path() << ")\n";
    KnowledgeQueries q(p.db());
    for (const auto& it : items) printItem(it, q);
    return 0;
}

int runReview(const Args& a, Project& p) {
    if (a.positional().size() != 3) throw UsageError("review needs an item id (or ITEM:LETTER for a distractor)");
    const auto [itemId, option] = parseReviewTarget(a.positional()[2]);
    const std::string status = a.require("status");
    const std::string reason = a.value("reason").value_or("");
    const std::string note = a.value("note").value_or("");
    const auto question = a.value("question");
    const auto optionEdit = a.value("option");
    if (question || optionEdit) {
        std::vector<std::pair<int, std::string>> edits;
        if (optionEdit) {
            const auto& e = *optionEdit;
            if (e.size() < 2 || e[1] != '=' || e[0] < 'A' || e[0] > 'D')
                throw UsageError("--option takes LETTER=TEXT, e.g. B=steam");
            edits.emplace_back(e[0] - 'A', e.substr(2));
        }
        editItem(p.db(), itemId, question.value_or(""), edits, note);
    }
    if (!(question || optionEdit) || status != "edited") {
        if (option >= 0)
            reviewDistractor(p.db(), itemId, option, status, reason, note);
        else
            reviewItem(p.db(), itemId, status, reason, note);
    }
    // Every edit is checked at once, so a curator sees a distractor made true by the edit.
    const ItemCheck c = checkItem(p.db(), itemId);
    if (a.flag("json"))
        printJson(json{{"id", a.positional()[2]}, {"status", status}, {"check", toJson(c)}}.dump(2));
    else
        std::cout << a.positional()[2] << ": " << status << (reason.empty() ? "" : " (" + reason + ")")
                  << "; check: " << (c.ok() ? "ok" : toJson(c).dump()) << "\n";
    return 0;
}

int runGuidelines(const Args& a, Project& p) {
    const auto file = a.value("set");
    if (!file) {
        std::cout << reviewGuidelines(p.db());
        return 0;
    }
    std::ifstream in(*file, std::ios::binary);
    if (!in) throw InputError(*file, 0, "", "cannot read the guidelines file");
    std::ostringstream text;
    text << in.rdbuf();
    const std::string md = text.str();
    if (md.size() > 1 << 20) throw InputError(*file, 0, "", "guidelines larger than 1 MiB");
    if (const auto bad = findInvalidUtf8(md); bad != std::string::npos)
        throw InputError(*file, 0, "", "not UTF-8 text (invalid byte at offset " + std::to_string(bad) + ")");
    setReviewGuidelines(p.db(), md);
    std::cout << "review guidelines set from " << *file << " (" << md.size() << " bytes)\n";
    return 0;
}

int runBench(const Args& a) {
    const std::string sub = a.positional().at(0);
    const bool writes = sub == "generate" || sub == "review" || (sub == "guidelines" && a.value("set"));
    if (sub != "generate" && sub != "check" && sub != "show" && sub != "review" && sub != "guidelines")
        throw UsageError("unknown sub-command '" + sub + "' (generate, check, show, review or guidelines)");
    if (sub != "show" && sub != "review" && a.positional().size() > 2) throw UsageError(sub + " takes only PROJECT");
    Project p = Project::open(a.positional().at(1), writes ? Project::Mode::OpenExisting : Project::Mode::ReadOnly);
    if (sub == "generate") return runGenerate(a, p);
    if (sub == "check") return runCheck(a, p);
    if (sub == "show") return runShowItems(a, p);
    if (sub == "guidelines") return runGuidelines(a, p);
    return runReview(a, p);
}

} // namespace

std::vector<Verb> itemVerbs() {
    return {
        {"bench",
         kUsage,
         "benchmark items from L3 chains: generate, check, show, review (proda bench --help)",
         {{"per-chain", "N", "generate: items per chain, 1-20 (default 1)"},
          {"per-frame", "N", "generate: items sharing every hop but the first, at most (default 3, 0: no limit)"},
          {"seed", "S", "generate: distractor and answer-position seed; show: sample seed (default 1)"},
          {"dev-fraction", "F", "generate: share of items in the dev split (default 0.1)"},
          {"random", "N", "show: N random items (default 20)"},
          {"status", "S", "review: accepted, rejected, edited or proposed"},
          {"reason", "R",
           "review: junk_concept, meaningless_relation, ungrammatical, ambiguous, giveaway, wrong_answer, actually_true or other"},
          {"note", "TEXT", "review: free-text note kept in the history"},
          {"question", "TEXT", "review: replace the stem (the item becomes edited)"},
          {"option", "L=TEXT", "review: replace option L (A-D)"},
          {"set", "FILE", "guidelines: the project's review guidelines from a Markdown file"},
          {"json", "", "print JSON"}},
         2,
         3,
         runBench}};
}

int runItemExport(const Args& a) {
    if (a.value("version")) throw UsageError("--version applies to --format alpaca or sharegpt only");
    const std::string format = a.require("format");
    Project p = Project::open(a.positional().at(0), Project::Mode::ReadOnly);
    const auto s = exportItems(p.db(), format, a.positional().at(1), a.value("split").value_or("test"));
    if (a.flag("json"))
        printJson(json{{"format", format}, {"items", s.items}, {"files", s.files}}.dump(2));
    else
        std::cout << "exported " << s.items << " items to " << a.positional().at(1) << "\n";
    return 0;
}

} // namespace proda::cli
