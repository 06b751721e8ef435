#include "train/config.h"

#include <stdexcept>

namespace proda::train {

ModelConfig presetModel(const std::string& preset) {
    ModelConfig m;
    if (preset == "tiny") {
        m.n_layer = 2, m.n_head = 4, m.n_embd = 64, m.block_size = 128, m.vocab_size = 1024;
    } else if (preset == "small") {
        // Two wide layers rather than four narrow ones: the same ~3M parameters, but matmuls wide
        // enough to keep a CPU busy (MFU measured 28% at L=4, C=224 and ~40% here, docs/benchmarks.md).
        m.n_layer = 2, m.n_head = 4, m.n_embd = 320, m.block_size = 256, m.vocab_size = 2048;
    } else if (preset == "base") {
        m.n_layer = 8, m.n_head = 8, m.n_embd = 512, m.block_size = 512, m.vocab_size = 4096;
    } else {
        throw std::invalid_argument("field 'preset': unknown preset '" + preset + "' (tiny, small, base)");
    }
    return m;
}

std::int64_t parameterCount(const ModelConfig& m) {
    const std::int64_t C = m.n_embd, L = m.n_layer;
    // Per block: attention qkv (3C^2+3C) + proj (C^2+C), MLP 4C^2+4C and 4C^2+C, two LayerNorms (4C).
    const std::int64_t block = 12 * C * C + 13 * C;
    return L * block + std::int64_t(m.vocab_size) * C + std::int64_t(m.block_size) * C + 2 * C;
}

namespace {

template <typename T> void read(const nlohmann::json& j, const char* key, T& out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    try {
        out = it->get<T>();
    } catch (const nlohmann::json::exception&) {
        throw std::invalid_argument(std::string("field '") + key + "': wrong type (" + it->type_name() + ")");
    }
}

void require(bool ok, const char* field, const std::string& what) {
    if (!ok) throw std::invalid_argument(std::string("field '") + field + "': " + what);
}

} // namespace

ModelConfig modelFromJson(const nlohmann::json& j, const ModelConfig& d) {
    ModelConfig m = d;
    read(j, "n_layer", m.n_layer);
    read(j, "n_head", m.n_head);
    read(j, "n_embd", m.n_embd);
    read(j, "block_size", m.block_size);
    read(j, "vocab_size", m.vocab_size);
    read(j, "dropout", m.dropout);
    require(m.n_layer >= 1 && m.n_layer <= 96, "n_layer", "must be 1..96");
    require(m.n_head >= 1, "n_head", "must be at least 1");
    require(m.n_embd >= 8 && m.n_embd % m.n_head == 0, "n_embd", "must be at least 8 and a multiple of n_head");
    require(m.block_size >= 16 && m.block_size <= 8192, "block_size", "must be 16..8192");
    require(m.vocab_size >= 300 && m.vocab_size <= 262144, "vocab_size",
            "must be 300..262144 (256 byte pieces are included)");
    require(m.dropout >= 0 && m.dropout < 1, "dropout", "must be in [0, 1)");
    return m;
}

TrainConfig configFromJson(const nlohmann::json& j) {
    if (!j.is_object()) throw std::invalid_argument("config: expected a JSON object");
    TrainConfig c;
    read(j, "format_version", c.format_version);
    require(c.format_version >= 1 && c.format_version <= kRunFormatVersion, "format_version",
            "version " + std::to_string(c.format_version) + " is not supported (this trainer reads up to " +
                std::to_string(kRunFormatVersion) + ")");
    read(j, "preset", c.preset);
    c.model = modelFromJson(j, presetModel(c.preset));
    read(j, "batch_size", c.batch_size);
    read(j, "grad_accum", c.grad_accum);
    read(j, "max_steps", c.max_steps);
    read(j, "epochs", c.epochs);
    read(j, "lr", c.lr);
    read(j, "min_lr", c.min_lr);
    read(j, "warmup_steps", c.warmup_steps);
    read(j, "weight_decay", c.weight_decay);
    read(j, "beta1", c.beta1);
    read(j, "beta2", c.beta2);
    read(j, "grad_clip", c.grad_clip);
    read(j, "val_fraction", c.val_fraction);
    read(j, "eval_interval", c.eval_interval);
    read(j, "eval_windows", c.eval_windows);
    read(j, "log_interval", c.log_interval);
    read(j, "checkpoint_interval", c.checkpoint_interval);
    read(j, "keep_checkpoints", c.keep_checkpoints);
    read(j, "seed", c.seed);
    read(j, "threads", c.threads);
    read(j, "device", c.device);
    read(j, "dtype", c.dtype);
    read(j, "init_from", c.init_from);
    read(j, "tokenizer_model", c.tokenizer_model);
    read(j, "tokenizer_max_lines", c.tokenizer_max_lines);
    require(c.batch_size >= 1, "batch_size", "must be at least 1");
    require(c.grad_accum >= 1, "grad_accum", "must be at least 1");
    require(c.max_steps >= 0, "max_steps", "must not be negative");
    require(c.max_steps > 0 || c.epochs > 0, "epochs", "must be positive when max_steps is 0");
    require(c.lr > 0 && c.min_lr >= 0 && c.min_lr <= c.lr, "lr", "need 0 <= min_lr <= lr and lr > 0");
    require(c.warmup_steps >= 0, "warmup_steps", "must not be negative");
    require(c.val_fraction >= 0 && c.val_fraction < 0.5, "val_fraction", "must be in [0, 0.5)");
    require(c.eval_interval >= 1, "eval_interval", "must be at least 1");
    require(c.log_interval >= 1, "log_interval", "must be at least 1");
    require(c.keep_checkpoints >= 1, "keep_checkpoints", "must be at least 1");
    require(c.device == "auto" || c.device == "cpu" || c.device == "cuda", "device", "must be auto, cpu or cuda");
    require(c.dtype == "auto" || c.dtype == "fp32" || c.dtype == "bf16", "dtype", "must be auto, fp32 or bf16");
    return c;
}

nlohmann::json toJson(const ModelConfig& m) {
    return {{"n_layer", m.n_layer},       {"n_head", m.n_head},         {"n_embd", m.n_embd},
            {"block_size", m.block_size}, {"vocab_size", m.vocab_size}, {"dropout", m.dropout}};
}

nlohmann::json toJson(const TrainConfig& c) {
    nlohmann::json j = toJson(c.model);
    j["format_version"] = c.format_version;
    j["preset"] = c.preset;
    j["batch_size"] = c.batch_size;
    j["grad_accum"] = c.grad_accum;
    j["max_steps"] = c.max_steps;
    j["epochs"] = c.epochs;
    j["lr"] = c.lr;
    j["min_lr"] = c.min_lr;
    j["warmup_steps"] = c.warmup_steps;
    j["weight_decay"] = c.weight_decay;
    j["beta1"] = c.beta1;
    j["beta2"] = c.beta2;
    j["grad_clip"] = c.grad_clip;
    j["val_fraction"] = c.val_fraction;
    j["eval_interval"] = c.eval_interval;
    j["eval_windows"] = c.eval_windows;
    j["log_interval"] = c.log_interval;
    j["checkpoint_interval"] = c.checkpoint_interval;
    j["keep_checkpoints"] = c.keep_checkpoints;
    j["seed"] = c.seed;
    j["threads"] = c.threads;
    j["device"] = c.device;
    j["dtype"] = c.dtype;
    j["init_from"] = c.init_from;
    j["tokenizer_model"] = c.tokenizer_model;
    j["tokenizer_max_lines"] = c.tokenizer_max_lines;
    return j;
}

} // namespace proda::train
