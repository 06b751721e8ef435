#pragma once
// The run configuration of proda-train (config.json in a run directory). Plain values, no torch:
// core writes this file and the trainer reads it, so it is the heart of their contract.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

namespace proda::train {

// Version of config.json, of checkpoint state.json and of the event lines. A trainer refuses a
// newer version instead of guessing.
inline constexpr int kRunFormatVersion = 1;

struct ModelConfig {
    int n_layer = 2, n_head = 4, n_embd = 320; // the small preset
    int block_size = 256;                      // T: the longest sequence the model sees
    int vocab_size = 2048;                     // V: SentencePiece vocabulary, special and byte pieces included
    double dropout = 0.0;

    bool operator==(const ModelConfig&) const = default;
};

// tiny ~0.2M parameters (tests), small ~3M (CPU default), base ~25M (a GPU).
ModelConfig presetModel(const std::string& preset); // throws std::invalid_argument
// Parameters of the model the config describes (tied embeddings counted once).
std::int64_t parameterCount(const ModelConfig& m);

struct TrainConfig {
    int format_version = kRunFormatVersion;
    std::string preset = "small";
    ModelConfig model;

    // Optimisation: AdamW, linear warm-up then cosine decay to min_lr.
    int batch_size = 16; // B: windows of block_size tokens per rank per micro-step
    int grad_accum = 1;  // micro-steps per optimizer step
    int max_steps = 0;   // optimizer steps; 0 = derive from epochs
    double epochs = 1.0;
    double lr = 2e-3, min_lr = 2e-4;
    int warmup_steps = 20;
    double weight_decay = 0.1, beta1 = 0.9, beta2 = 0.95, grad_clip = 1.0;

    // Validation, logging, checkpoints.
    double val_fraction = 0.05;  // share of samples held out (by id hash, stable)
    int eval_interval = 100;     // steps between validation losses (and at the end)
    int eval_windows = 32;       // windows the validation loss is averaged over
    int log_interval = 1;        // steps between step events
    int checkpoint_interval = 0; // steps between checkpoints (0 = only at the end and on SIGTERM)
    int keep_checkpoints = 2;

    std::uint64_t seed = 1;
    int threads = 0;             // intra-op threads; 0 = the library default
    std::string device = "auto"; // auto|cpu|cuda
    std::string dtype = "auto";  // auto|fp32|bf16 (bf16 autocast on CUDA only)

    std::string init_from;       // a checkpoint directory to continue from (round N+1)
    std::string tokenizer_model; // an existing tokenizer.model to use instead of training one
    int tokenizer_max_lines = 200000;
};

// Reads config.json; unknown keys are ignored, wrong types and impossible values throw
// std::invalid_argument naming the field. A preset fills the model fields that the file omits.
TrainConfig configFromJson(const nlohmann::json& j);
nlohmann::json toJson(const TrainConfig& c);
nlohmann::json toJson(const ModelConfig& m);
ModelConfig modelFromJson(const nlohmann::json& j, const ModelConfig& defaults);

} // namespace proda::train
