#include "synth/dataset_export.h"

#include "store/database.h"
#include "synth/dataset_store.h"
#include "util/error.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace proda {

namespace fs = std::filesystem;

std::optional<DatasetExportFormat> datasetExportFormatFromString(std::string_view s) {
    if (s == "alpaca") return DatasetExportFormat::Alpaca;
    if (s == "sharegpt") return DatasetExportFormat::ShareGpt;
    return std::nullopt;
}

std::string_view toString(DatasetExportFormat f) { return f == DatasetExportFormat::Alpaca ? "alpaca" : "sharegpt"; }

std::string systemPromptFor(SampleFormat format, const std::string& discipline) {
    std::string who = "You are an expert in " + (discipline.empty() ? std::string("this domain") : discipline) + ". ";
    switch (format) {
    case SampleFormat::Qa: return who + "Answer the question accurately and concisely.";
    case SampleFormat::Mcq:
        return who + "Answer the multiple-choice question with the letter of the correct option, then state the fact "
                     "that supports it.";
    case SampleFormat::Tf:
        return who + "Say whether the statement is true or false; if it is false, state the correct fact.";
    }
    return who;
}

nlohmann::ordered_json datasetInfoEntry(DatasetExportFormat format, const std::string& fileName) {
    nlohmann::ordered_json e;
    e["file_name"] = fileName;
    e["formatting"] = std::string(toString(format));
    if (format == DatasetExportFormat::Alpaca) {
        e["columns"] = {{"prompt", "instruction"}, {"query", "input"}, {"response", "output"}, {"system", "system"}};
    } else {
        e["columns"] = {{"messages", "conversations"}, {"system", "system"}};
        e["tags"] = {{"role_tag", "from"}, {"content_tag", "value"}, {"user_tag", "human"}, {"assistant_tag", "gpt"}};
    }
    return e;
}

namespace {

nlohmann::ordered_json record(DatasetExportFormat format, const Sample& s) {
    nlohmann::ordered_json r;
    const std::string system = systemPromptFor(s.format, s.discipline);
    if (format == DatasetExportFormat::Alpaca) {
        // The whole question (stem and options) is the instruction; LLaMA-Factory joins
        // instruction and input with a newline anyway, so splitting them would change nothing.
        r["instruction"] = s.prompt;
        r["input"] = "";
        r["output"] = s.response;
        r["system"] = system;
    } else {
        r["conversations"] = nlohmann::ordered_json::array(
            {{{"from", "human"}, {"value", s.prompt}}, {{"from", "gpt"}, {"value", s.response}}});
        r["system"] = system;
    }
    r["question_type"] = std::string(toString(s.format));
    r["l1_ids"] = s.l1Ids;
    r["l2_ids"] = s.l2Ids;
    r["origin"] = std::string(toString(s.origin));
    r["sample_id"] = s.id;
    r["template_id"] = s.templateId;
    r["discipline"] = s.discipline;
    return r;
}

void replaceFile(const std::string& part, const std::string& target) {
    std::error_code ec;
    fs::rename(part, target, ec);
    if (ec) throw std::runtime_error("cannot move " + part + " to " + target + ": " + ec.message());
}

} // namespace

DatasetExportSummary exportDataset(Database& db, DatasetExportFormat format, const std::string& out,
                                   std::optional<std::int64_t> version, const Progress& progress) {
    if (!version) version = latestDatasetVersion(db);
    if (!version) throw InputError(db.path() + ": the project has no dataset version yet (run `proda synth` first)");
    const auto info = datasetInfo(db, *version);
    if (!info) throw InputError(db.path() + ": no dataset version " + std::to_string(*version));

    DatasetExportSummary sum;
    sum.version = *version;
    const std::string stem = fs::path(db.path()).stem().string();
    sum.datasetName = (stem.empty() ? std::string("proda") : stem) + "_v" + std::to_string(*version) + "_" +
                      std::string(toString(format));
    fs::path dataPath(out);
    if (dataPath.extension() == ".json") {
        if (dataPath.has_parent_path()) fs::create_directories(dataPath.parent_path());
    } else {
        fs::create_directories(dataPath);
        dataPath /= sum.datasetName + ".json";
    }
    sum.dataFile = dataPath.string();
    sum.infoFile = (dataPath.parent_path() / "dataset_info.json").string();

    const std::string part = sum.dataFile + ".part";
    {
        std::ofstream o(part, std::ios::binary | std::ios::trunc);
        if (!o) throw InputError(sum.dataFile, 0, "", "cannot write the export file");
        o << "[";
        forEachDatasetSample(db, *version, [&](const Sample& s) {
            o << (sum.samples ? ",\n" : "\n")
              << record(format, s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            if (++sum.samples % 8192 == 0) {
                progress.checkCancelled();
                progress.report("exporting samples", sum.samples, info->samples);
            }
        });
        o << "\n]\n";
        o.flush();
        if (!o) throw InputError(sum.dataFile, 0, "", "writing the export file failed (disk full?)");
    }
    replaceFile(part, sum.dataFile);

    // Merge into an existing dataset_info.json so other datasets registered there survive.
    nlohmann::ordered_json registry = nlohmann::ordered_json::object();
    if (fs::exists(sum.infoFile)) {
        std::ifstream in(sum.infoFile);
        auto existing = nlohmann::ordered_json::parse(in, nullptr, false);
        if (existing.is_discarded() || !existing.is_object())
            throw InputError(sum.infoFile, 0, "", "exists but is not a JSON object; move it away or fix it");
        registry = std::move(existing);
    }
    registry[sum.datasetName] = datasetInfoEntry(format, dataPath.filename().string());
    {
        std::ofstream o(sum.infoFile + ".part", std::ios::binary | std::ios::trunc);
        o << registry.dump(2) << "\n";
        if (!o) throw InputError(sum.infoFile, 0, "", "cannot write dataset_info.json");
    }
    replaceFile(sum.infoFile + ".part", sum.infoFile);
    progress.report("exporting samples", sum.samples, info->samples);
    return sum;
}

} // namespace proda
