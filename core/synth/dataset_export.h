#pragma once
// LLaMA-Factory exports of a dataset version (its data/README.md): `alpaca` records
// {instruction, input, output, system} or `sharegpt` records {conversations[{from, value}],
// system}, as one JSON array, plus the matching entry in dataset_info.json. Provenance travels in
// extra columns (question_type, l1_ids, l2_ids, origin, sample_id, template_id, discipline) that
// LLaMA-Factory does not map and so ignores.
#include "synth/sample.h"
#include "util/progress.h"

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>

namespace proda {

class Database;

enum class DatasetExportFormat { Alpaca, ShareGpt };
std::optional<DatasetExportFormat> datasetExportFormatFromString(std::string_view s);
std::string_view toString(DatasetExportFormat f);

struct DatasetExportSummary {
    std::int64_t version = 0, samples = 0;
    std::string datasetName; // the key in dataset_info.json
    std::string dataFile, infoFile;
};

// `out` is a directory (the file is NAME_vV_FORMAT.json inside it, NAME = project file stem) or a
// file path ending in .json; dataset_info.json is written beside the data file, keeping the
// entries it already has. No version = the latest. Files are written to .part and renamed.
DatasetExportSummary exportDataset(Database& db, DatasetExportFormat format, const std::string& out,
                                   std::optional<std::int64_t> version = std::nullopt, const Progress& progress = {});

// The dataset_info.json entry for a data file of this format.
nlohmann::ordered_json datasetInfoEntry(DatasetExportFormat format, const std::string& fileName);
// The system prompt exported with a sample (the format decides how to answer).
std::string systemPromptFor(SampleFormat format, const std::string& discipline);

} // namespace proda
