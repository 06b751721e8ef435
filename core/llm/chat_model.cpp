#include "llm/chat_model.h"

#include "debug/choice_parse.h"
#include "store/project.h"
#include "tester/item_store.h"

#include <stdexcept>

namespace proda::llm {

std::string choiceMessage(const ChoiceQuery& q) {
    std::string s = q.prompt + "\n";
    for (std::size_t i = 0; i < q.options.size(); ++i)
        s += std::string(1, static_cast<char>('A' + i)) + ". " + q.options[i] + "\n";
    s += "Answer with the letter of the correct option only.";
    return s;
}

ChatModel::ChatModel(ChatModelOptions options, std::shared_ptr<ChatCache> cache)
    : options_(std::move(options)), client_(options_.client, options_.useCache ? std::move(cache) : nullptr) {}

std::string ChatModel::name() const { return "endpoint:" + options_.client.endpoint + "#" + options_.model; }

std::vector<ChoiceAnswer> ChatModel::answer(const std::vector<ChoiceQuery>& queries,
                                            const std::function<void(std::size_t, std::size_t)>& progress) {
    std::vector<ChatRequest> requests;
    requests.reserve(queries.size());
    for (const auto& q : queries) {
        ChatRequest r;
        r.model = options_.model;
        r.messages = {{"system", "You answer multiple-choice questions. Reply with a single letter."},
                      {"user", choiceMessage(q)}};
        r.params = {{"temperature", 0}, {"max_tokens", options_.maxTokens}};
        requests.push_back(std::move(r));
    }
    const auto replies = client_.complete(requests);
    std::vector<ChoiceAnswer> out;
    std::string firstError;
    std::size_t ok = 0;
    for (std::size_t i = 0; i < queries.size(); ++i) {
        ChoiceAnswer a;
        a.id = queries[i].id;
        if (replies[i].ok) {
            ++ok;
            a.predicted = debug::parseChoice(replies[i].content, queries[i].options);
            // A reply that named no option is not cached as an answer: the next run asks again.
            if (a.predicted < 0 && client_.cache()) client_.cache()->erase(replies[i].cacheKey);
        } else if (firstError.empty()) {
            firstError = replies[i].error;
        }
        if (a.predicted < 0) ++unparsed_;
        a.scores.assign(queries[i].options.size(), 0.0);
        if (a.predicted >= 0) a.scores[static_cast<std::size_t>(a.predicted)] = 1.0;
        out.push_back(std::move(a));
        if (progress) progress(i + 1, queries.size());
    }
    if (!queries.empty() && ok == 0) throw std::runtime_error("the endpoint answered no request: " + firstError);
    return out;
}

std::unique_ptr<ChatModel> endpointModel(const std::string& projectPath, const ChatModelOptions& options) {
    return std::make_unique<ChatModel>(options, std::make_shared<ProjectChatCache>(projectPath));
}

std::string askEndpoint(const std::string& projectPath, const ChatModelOptions& options, const std::string& question,
                        double temperature, std::uint64_t seed) {
    ChatClient client(options.client, options.useCache ? std::make_shared<ProjectChatCache>(projectPath) : nullptr);
    ChatRequest r;
    r.model = options.model;
    r.messages = {{"user", question}};
    r.params = {{"temperature", temperature}, {"max_tokens", options.maxTokens}};
    if (temperature > 0) r.params["seed"] = seed;
    const ChatReply reply = client.complete(r);
    if (!reply.ok) throw std::runtime_error(client.url() + ": " + reply.error);
    return reply.content;
}

EndpointEvaluation evaluateEndpoint(const std::string& projectPath, int round, const ChatModelOptions& options) {
    std::vector<Item> items;
    {
        Project p = Project::open(projectPath, Project::Mode::ReadOnly);
        for (auto& it : loadItems(p.db()))
            if (it.status != "rejected") items.push_back(std::move(it));
    }
    std::vector<ChoiceQuery> queries;
    queries.reserve(items.size());
    for (const auto& it : items)
        queries.push_back({it.id, it.question, {it.options.begin(), it.options.end()}, it.answer});
    auto model = endpointModel(projectPath, options);
    const auto answers = model->answer(queries);
    EndpointEvaluation r;
    r.evaluation.round = round;
    r.evaluation.model = model->name();
    r.evaluation.source = "endpoint";
    r.evaluation.items = static_cast<std::int64_t>(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        Prediction p;
        p.itemId = items[i].id;
        p.predicted = answers[i].predicted;
        p.correct = answers[i].predicted == items[i].answer;
        p.scores = answers[i].scores;
        p.split = items[i].split;
        r.predictions.push_back(std::move(p));
    }
    r.unparsed = model->unparsed();
    r.stats = model->stats();
    return r;
}

} // namespace proda::llm
