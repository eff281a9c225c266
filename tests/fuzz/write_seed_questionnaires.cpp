// Writes what corpus/questionnaire_import/ is made from (docs/fuzzing.md):
// the product's own offline questionnaires for every rater of the fuzz office
// (fuzz_office.h: its cycle sealed with the fixed key the fuzz target uses),
// and the office's simulated answers as a long-format CSV for filling them.
//   exemplar_fuzz_seed_questionnaires OUT_DIR
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/demo_answers.h"
#include "core/questionnaire_writer.h"
#include "core/translate.h"
#include "fuzz_office.h"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s OUT_DIR\n", argv[0]);
        return 2;
    }
    exemplar::set_language(exemplar::Language::english);
    const std::filesystem::path out = argv[1];
    std::filesystem::create_directories(out);
    exemplar::fuzz::FuzzOffice& office = exemplar::fuzz::fuzz_office(false);
    for (const auto& file : exemplar::write_questionnaires(office.db, office.cycle, out)) std::printf("%s\n", file.c_str());
    std::ofstream answers(out / "answers.csv", std::ios::binary);
    answers << exemplar::simulate_answers_csv(office.cycle, 20261130);
    std::printf("%s\n", (out / "answers.csv").c_str());
    return 0;
}
