#include "applications/citizen_mail.h"

#include "applications/office.h"

namespace madoguchi::applications {

namespace {

std::string trimmed(std::string_view url) {
  while (!url.empty() && url.back() == '/') url.remove_suffix(1);
  return std::string(url);
}

std::string receipt_body(const procedures::Procedure& p, const procedures::Directory& directory, const Submitted& s,
                         std::string_view channel, Language language, const std::string& status_url) {
  const procedures::Department* department = directory.find_department(p.department);
  std::string department_name = department ? pick(department->name, language) : std::string();
  std::string due = s.due_on ? format_iso_date(*s.due_on, language) : std::string();
  const std::string& note = pick(p.processing_note, language);
  std::string out;
  if (language == Language::en) {
    out += "Sendai City Online Counter: we have received your application.\n\n";
    out += "Reference number: " + s.reference + "\n";
    out += "Procedure: " + pick(p.name, language) + "\n";
    out += "Received: " + format_instant(s.submitted_at, language) + "\n";
    if (!due.empty()) out += "Expected by: " + due + "\n";
    out += "\nWhat happens next:\n";
    if (channel == "counter") out += "It was received at the counter after your identity was checked.\n";
    if (channel == "mail") out += "Your application sent by post has been entered.\n";
    if (!note.empty()) out += note + "\n";
    out += "\nFollow your application with the reference number and this status code (do not share it):\n";
    out += "Status code: " + s.status_secret + "\n";
    out += status_url + "\n\n";
    out += "Questions: " + department_name + ", or " + std::string(kCityHallContactEn) + "\n";
    out += "This address only sends mail; replies are not read.\n";
    return out;
  }
  if (language == Language::easy) {
    out += "せんだいし オンライン まどぐちです。あなたの しんせいを うけつけました。\n\n";
    out += "うけつけ ばんごう: " + s.reference + "\n";
    out += "てつづき: " + pick(p.name, language) + "\n";
    out += "うけつけた ひ: " + format_instant(s.submitted_at, language) + "\n";
    if (!due.empty()) out += "おわる めやす: " + due + "\n";
    out += "\nこれから:\n";
    if (channel == "counter") out += "まどぐちで うけつけました。\n";
    if (channel == "mail") out += "ゆうびんの しんせいを うけつけました。\n";
    if (!note.empty()) out += note + "\n";
    out += "\nしんせいが どう なったか、ここで みられます（うけつけ ばんごうと かくにん コードが いります）:\n";
    out += "かくにん コード: " + s.status_secret + "\n";
    out += status_url + "\n\n";
    out += "この メールには へんしん できません。\n";
    return out;
  }
  out += "仙台市 オンライン窓口です。次の申請を受け付けました。\n\n";
  out += "受付番号: " + s.reference + "\n";
  out += "手続き: " + pick(p.name, language) + "\n";
  out += "受付日時: " + format_instant(s.submitted_at, language) + "\n";
  if (!due.empty()) out += "処理の目安: " + due + "まで\n";
  out += "\nこれからの流れ:\n";
  if (channel == "counter") out += "窓口で、本人確認のうえ受け付けました。\n";
  if (channel == "mail") out += "郵送の申請書を受け付けました。\n";
  if (!note.empty()) out += note + "\n";
  out += "\n申請の状況は、受付番号と次の確認コードを入力して確認できます。確認コードはほかの人に教えないでください。\n";
  out += "確認コード: " + s.status_secret + "\n";
  out += status_url + "\n\n";
  out += "お問い合わせ: " + department_name + "、または" + std::string(kCityHallContactJa) + "\n";
  out += "このメールは送信専用です。返信はお受けできません。\n";
  return out;
}

std::string resume_body(const procedures::Procedure& p, std::string_view code, std::string_view expires_at,
                        Language language, const std::string& resume_url) {
  std::string expiry = format_instant(expires_at, language);
  if (language == Language::en) {
    return "You saved an application to finish later on the Sendai City Online Counter.\n\n"
           "Procedure: " + pick(p.name, language) + "\n"
           "Resume code: " + std::string(code) + "\n"
           "Kept until: " + expiry + "\n\n"
           "To continue, open this page and choose \"Continue\":\n" + resume_url + "\n\n"
           "The code works once; anyone who has it can open your draft, so do not share it.\n";
  }
  if (language == Language::easy) {
    return "せんだいし オンライン まどぐちで しんせいを とちゅうまで ほぞん しました。\n\n"
           "てつづき: " + pick(p.name, language) + "\n"
           "さいかい コード: " + std::string(code) + "\n"
           "ほぞん できる きげん: " + expiry + "\n\n"
           "つづきは ここから できます:\n" + resume_url + "\n\n"
           "この コードは ほかの ひとに おしえないで ください。\n";
  }
  return "仙台市 オンライン窓口で、申請の下書きを保存しました。\n\n"
         "手続き: " + pick(p.name, language) + "\n"
         "再開コード: " + std::string(code) + "\n"
         "保存期限: " + expiry + "\n\n"
         "続きは次のページで「再開する」を押してください。\n" + resume_url + "\n\n"
         "再開コードは1回だけ使えます。コードを知っている人は下書きを開けるため、他の人に教えないでください。\n";
}

}  // namespace

notify::EmailMessage receipt_mail(const procedures::Procedure& procedure, const procedures::Directory& directory,
                                  const Submitted& submitted, std::string_view channel, std::string to,
                                  Language language, std::string_view public_url) {
  std::string status_url = trimmed(public_url) + "/status?reference=" + submitted.reference;
  notify::EmailMessage m;
  m.to = std::move(to);
  m.category = "receipt";
  m.reference = submitted.reference;
  std::string body = receipt_body(procedure, directory, submitted, channel, language, status_url);
  if (language == Language::en) {
    m.subject = "Sendai City: application received (" + submitted.reference + ")";
    body += "\n----\n" + receipt_body(procedure, directory, submitted, channel, Language::ja, status_url);
  } else {
    m.subject = "【仙台市】申請を受け付けました（受付番号 " + submitted.reference + "）";
    body += "\n----\nEnglish\n\n" + receipt_body(procedure, directory, submitted, channel, Language::en, status_url);
  }
  m.text_body = std::move(body);
  return m;
}

notify::EmailMessage resume_mail(const procedures::Procedure& procedure, std::string_view resume_code,
                                 std::string_view expires_at, std::string to, Language language,
                                 std::string_view public_url) {
  std::string url = trimmed(public_url) + "/resume?code=" + std::string(resume_code);
  notify::EmailMessage m;
  m.to = std::move(to);
  m.category = "draft_resume";
  if (language == Language::en) {
    m.subject = "Sendai City: your saved application (resume code)";
    m.text_body = resume_body(procedure, resume_code, expires_at, language, url) + "\n----\n" +
                  resume_body(procedure, resume_code, expires_at, Language::ja, url);
  } else {
    m.subject = "【仙台市】申請の下書きを保存しました（再開コード）";
    m.text_body = resume_body(procedure, resume_code, expires_at, language, url) + "\n----\nEnglish\n\n" +
                  resume_body(procedure, resume_code, expires_at, Language::en, url);
  }
  return m;
}

}  // namespace madoguchi::applications
