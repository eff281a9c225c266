#include "gui/hr_plans_page.h"

#include <algorithm>
#include <system_error>

#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>

#include "core/data_paths.h"
#include "core/form_loader.h"
#include "core/form_text.h"
#include "core/json_writer.h"
#include "core/plan_loader.h"
#include "core/relation.h"
#include "core/yaml_document.h"
#include "gui/appearance.h"
#include "gui/compat.h"

namespace exemplar::gui {

namespace {

std::vector<std::filesystem::path> yaml_files(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> files;
    std::error_code error;
    for (std::filesystem::directory_iterator it(folder, error), end; !error && it != end; it.increment(error))
        if (it->path().extension() == ".yaml") files.push_back(it->path());
    std::sort(files.begin(), files.end());
    return files;
}

// A plan names its forms; a form file has a `form:` key.
bool is_plan(const std::filesystem::path& path) {
    std::vector<Diagnostic> ignored;
    const auto document = YamlDocument::read_file(path, ignored);
    return document && document->root().IsMap() && document->root()["plan"].IsDefined();
}

wxString problems_text(const std::vector<Diagnostic>& diagnostics) {
    wxString text = _("This file does not validate:") + "\n\n";
    for (const std::string& line : format_diagnostics(diagnostics)) text += to_wx(line) + "\n";
    return text;
}

}  // namespace

HrPlansPage::HrPlansPage(wxWindow* parent) : wxPanel(parent) {
    SetName("plans_page");
    const int gap = FromDIP(10);
    auto* outer = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    list_ = new wxListBox(this, wxID_ANY);
    list_->SetName("plan_files");
    for (const auto& folder : {bundled_data_dir() / "templates" / "plans", bundled_forms_dir()})
        for (const auto& file : yaml_files(folder)) {
            files_.push_back(file);
            list_->Append(to_wx(file.filename().string()));
        }
    left->Add(list_, 1, wxEXPAND);
    auto* open = new wxButton(this, wxID_ANY, _("&Open a plan or form file…"));
    open->SetName("open_plan_file");
    left->Add(open, 0, wxEXPAND | wxTOP, gap / 2);
    outer->Add(left, 2, wxEXPAND | wxALL, gap);
    text_ = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, wxTE_MULTILINE | wxTE_READONLY | wxTE_DONTWRAP);
    text_->SetName("plan_text");
    text_->SetFont(ui_font(0));
    outer->Add(text_, 5, wxEXPAND | wxTOP | wxRIGHT | wxBOTTOM, gap);
    SetSizer(outer);

    list_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) {
        const int row = list_->GetSelection();
        if (row != wxNOT_FOUND) show_file(files_[static_cast<std::size_t>(row)]);
    });
    open->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { choose_file(); });
}

void HrPlansPage::activate() {
    // Checking a plan reads it and its forms: not before the tab is looked at.
    if (!text_->IsEmpty() || files_.empty()) return;
    list_->SetSelection(0);
    show_file(files_.front());
}

void HrPlansPage::choose_file() {
    wxFileDialog dialog(this, _("Open a plan or form file"), {}, {}, _("Plans and forms (*.yaml)|*.yaml"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() == wxID_OK) show_file(from_wx(dialog.GetPath()));
}

bool HrPlansPage::show_file(const std::filesystem::path& path) {
    wxString text = to_wx(path.string()) + "\n\n";
    bool valid = false;
    if (is_plan(path)) {
        const PlanLoad plan = load_plan_file(path);
        if (plan.plan) {
            valid = true;
            text += wxString::Format(_("Plan %s: valid."), to_wx(plan.plan->id)) + "\n\n";
            for (const Relation relation : all_relations) {
                const auto& form = plan.forms[index_of(relation)];
                if (!form) continue;
                text += wxString::Format(_("%s: form %s, version %lld, weight %s"), to_wx(relation_code(relation)), to_wx(form->id),
                                         static_cast<long long>(form->version), to_wx(shortest_number_text(plan.plan->weight_of(relation)))) +
                        "\n";
            }
            for (const auto& [dimension, weight] : plan.plan->dimension_weights)
                text += wxString::Format(_("dimension %s: weight %s"), to_wx(dimension), to_wx(shortest_number_text(weight))) + "\n";
            for (const Grade& grade : plan.plan->grades)
                text += wxString::Format(_("grade %s from %s"), to_wx(grade.name), to_wx(shortest_number_text(grade.min))) + "\n";
        } else {
            text += problems_text(plan.diagnostics);
        }
    } else {
        const FormLoad form = load_form_file(path);
        if (form.form) {
            valid = true;
            const Use use = form.form->usable_for(Use::self) ? Use::self : Use::others;
            text += wxString::Format(_("Form %s, version %lld: valid."), to_wx(form.form->id), static_cast<long long>(form.form->version)) + "\n\n";
            text += to_wx(form_as_text(*form.form, use));
        } else {
            text += problems_text(form.diagnostics);
        }
    }
    text_->SetValue(text);
    return valid;
}

wxString HrPlansPage::shown_text() const { return text_->GetValue(); }

}  // namespace exemplar::gui
