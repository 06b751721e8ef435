#pragma once
// Items in the project (schema version 4): reading, writing generated items without touching
// human decisions, and the review API with its history.
#include "tester/item.h"

#include <optional>
#include <string>
#include <vector>

namespace proda {

class Database;

struct ItemFilter {
    std::string split;  // "", "dev" or "test"
    std::string status; // "" = any
    std::string chainId;
};

std::vector<Item> loadItems(Database& db, const ItemFilter& filter = {});
std::optional<Item> loadItem(Database& db, const std::string& id);
std::vector<std::string> itemIds(Database& db);

// Writes generated items in one transaction: an item whose own status or any distractor's status
// is a human decision is left as it is; other items with the same id are updated in place
// (created_at kept); proposed items not in `items` are removed. Adds the counts to `report`.
void writeGeneratedItems(Database& db, const std::vector<Item>& items, GenerateReport& report);

struct ReviewEvent {
    std::string targetKind, targetId, oldStatus, newStatus, reason, note, at;
};

// Sets an item's review status (and reason), recording the change in review_events. Throws
// InputError for an unknown id, status or reason code.
void reviewItem(Database& db, const std::string& itemId, const std::string& status, const std::string& reason = "",
                const std::string& note = "");
// Same for one distractor, addressed by its option index (0..3).
void reviewDistractor(Database& db, const std::string& itemId, int optionIndex, const std::string& status,
                      const std::string& reason = "", const std::string& note = "");
// A curator's edit of the stem and/or options (empty = unchanged): the item becomes "edited", a
// changed distractor becomes "edited" with operator MANUAL. The caller re-runs checkItem().
void editItem(Database& db, const std::string& itemId, const std::string& question,
              const std::vector<std::pair<int, std::string>>& options, const std::string& note = "");

// A curator's choice of another generated distractor for option `optionIndex` (not the key): it
// keeps its operator and the concepts it came from, and is "edited" like a typed one, so a later
// generation keeps it.
// With `expectedText`, refuses (InputError) when the option no longer reads so.
void replaceDistractor(Database& db, const std::string& itemId, int optionIndex, const std::string& text,
                       const std::string& op, const std::vector<std::string>& nodeIds, const std::string& note = "",
                       const std::string& expectedText = "");

std::vector<ReviewEvent> reviewHistory(Database& db, const std::string& targetId = "");

// "ITEM:B" names distractor B of ITEM; returns the item id and option index (-1 for an item).
std::pair<std::string, int> parseReviewTarget(const std::string& target);

} // namespace proda
