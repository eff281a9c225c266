// Offline questionnaires (SPEC §7): one xlsx per rater holding all of that
// rater's assignments, with drop-downs on every answer cell, everything else
// locked, and the sealed hidden sheet `_exemplar`.
#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <vector>

#include "core/cycle.h"
#include "core/database.h"
#include "core/progress.h"
#include "core/questionnaire_layout.h"

namespace exemplar {

// Writes the file of one layout (atomically) under `folder`; returns its path.
std::filesystem::path write_questionnaire(const std::filesystem::path& folder, const Cycle& cycle, const QuestionnaireLayout& layout,
                                          std::span<const std::uint8_t> secret);

// Every rater with assignments (or just `rater`, a member index) gets a file
// in `folder`, which is created when missing. Returns the paths written.
std::vector<std::filesystem::path> write_questionnaires(const Database& db, const Cycle& cycle, const std::filesystem::path& folder,
                                                        std::optional<std::size_t> rater = std::nullopt,
                                                        ProgressObserver* progress = nullptr);

}  // namespace exemplar
