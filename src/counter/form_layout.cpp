#include "counter/form_layout.h"

#include <algorithm>
#include <set>

#include <yaml-cpp/yaml.h>

namespace madoguchi::counter {

namespace {

class Reader {
 public:
  Reader(std::string file, std::vector<std::string>& problems) : file_(std::move(file)), problems_(problems) {}

  void problem(const YAML::Node& node, const std::string& message) {
    problems_.push_back(file_ + ":" + std::to_string(node.Mark().line + 1) + ": " + message);
  }

  bool keys(const YAML::Node& node, const std::set<std::string>& allowed, const std::string& where) {
    if (!node.IsMap()) {
      problem(node, where + " must be a mapping");
      return false;
    }
    bool ok = true;
    for (const auto& kv : node) {
      auto key = kv.first.as<std::string>();
      if (!allowed.count(key)) {
        problem(kv.first, where + ": unknown key \"" + key + "\"");
        ok = false;
      }
    }
    return ok;
  }

  std::string text(const YAML::Node& node, const char* key, bool required) {
    if (!node[key]) {
      if (required) problem(node, std::string("missing \"") + key + "\"");
      return "";
    }
    if (!node[key].IsScalar()) {
      problem(node[key], std::string("\"") + key + "\" must be text");
      return "";
    }
    return node[key].as<std::string>();
  }

  double number(const YAML::Node& node, const char* key, double fallback, double min, double max, bool required) {
    if (!node[key]) {
      if (required) problem(node, std::string("missing \"") + key + "\"");
      return fallback;
    }
    try {
      double v = node[key].as<double>();
      if (v < min || v > max) {
        problem(node[key], std::string("\"") + key + "\" must be between " + std::to_string(static_cast<int>(min)) +
                               " and " + std::to_string(static_cast<int>(max)));
        return fallback;
      }
      return v;
    } catch (const YAML::Exception&) {
      problem(node[key], std::string("\"") + key + "\" must be a number");
      return fallback;
    }
  }

  documents::FormText place(const YAML::Node& node, const std::string& field) {
    documents::FormText t;
    t.field = field;
    t.x = number(node, "x", 0, 0, 210, true);
    t.y = number(node, "y", 0, 0, 297, true);
    t.width = number(node, "w", 10, 1, 210, true);
    t.size = number(node, "size", 10.5, 4, 40, false);
    if (t.x + t.width > 210) problem(node, "\"x\" + \"w\" goes past the page's right edge (210 mm)");
    std::string face = text(node, "face", false);
    if (!face.empty() && face != "mincho" && face != "gothic") problem(node, "\"face\" must be mincho or gothic");
    t.gothic = face == "gothic";
    std::string align = text(node, "align", false);
    if (!align.empty() && align != "left" && align != "center") problem(node, "\"align\" must be left or center");
    t.center = align == "center";
    return t;
  }

 private:
  std::string file_;
  std::vector<std::string>& problems_;
};

void read_layout(const std::filesystem::path& path, LayoutLoad& load) {
  Reader r(path.string(), load.problems);
  YAML::Node root;
  try {
    root = YAML::LoadFile(path.string());
  } catch (const YAML::Exception& e) {
    load.problems.push_back(path.string() + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
    return;
  }
  if (!r.keys(root, {"id", "procedure", "title", "individual_number", "boxes", "labels", "values"}, "layout")) return;
  FormLayout layout;
  layout.source_file = path.string();
  layout.id = r.text(root, "id", true);
  layout.procedure = r.text(root, "procedure", true);
  layout.title = r.text(root, "title", true);
  if (layout.id != path.stem().string()) r.problem(root, "\"id\" must equal the file name without .yaml");
  if (root["individual_number"]) layout.individual_number = root["individual_number"].as<bool>(false);
  for (const auto& b : root["boxes"]) {
    if (!r.keys(b, {"x", "y", "w", "h", "label"}, "boxes")) continue;
    documents::FormBox box;
    box.x = r.number(b, "x", 0, 0, 210, true);
    box.y = r.number(b, "y", 0, 0, 297, true);
    box.width = r.number(b, "w", 1, 1, 210, true);
    box.height = r.number(b, "h", 1, 1, 297, true);
    box.label = r.text(b, "label", false);
    layout.boxes.push_back(box);
  }
  for (const auto& l : root["labels"]) {
    if (!r.keys(l, {"x", "y", "w", "size", "face", "align", "text"}, "labels")) continue;
    auto t = r.place(l, "label");
    t.text = r.text(l, "text", true);
    layout.labels.push_back(t);
  }
  for (const auto& v : root["values"]) {
    if (!r.keys(v, {"x", "y", "w", "size", "face", "align", "answer", "source", "repeat"}, "values")) continue;
    LayoutValue value;
    value.answer = r.text(v, "answer", false);
    value.source = r.text(v, "source", false);
    if (value.answer.empty() == value.source.empty()) r.problem(v, "a value has either \"answer\" or \"source\"");
    if (!value.source.empty() && value.source != "today" && value.source != "reference" &&
        value.source != "individual_number") {
      r.problem(v, "\"source\" must be today, reference or individual_number");
    }
    value.place = r.place(v, value.answer.empty() ? value.source : value.answer);
    if (v["repeat"]) {
      if (r.keys(v["repeat"], {"max", "dy"}, "repeat")) {
        value.repeat_max = static_cast<int>(r.number(v["repeat"], "max", 1, 1, 20, true));
        value.repeat_dy = r.number(v["repeat"], "dy", 0, 1, 200, true);
      }
    }
    layout.values.push_back(value);
  }
  if (load.by_procedure.count(layout.procedure)) {
    r.problem(root, "another layout already prints procedure " + layout.procedure);
    return;
  }
  load.by_procedure[layout.procedure] = std::move(layout);
}

}  // namespace

LayoutLoad load_form_layouts(const std::filesystem::path& directory) {
  LayoutLoad load;
  if (!std::filesystem::is_directory(directory)) return load;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) read_layout(f, load);
  if (!load.problems.empty()) load.by_procedure.clear();
  return load;
}

}  // namespace madoguchi::counter
