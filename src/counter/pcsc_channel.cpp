#include "counter/pcsc_channel.h"

#include <winscard.h>
#include <wintypes.h>

#include "counter/card_error.h"

namespace madoguchi::counter {

namespace {

[[noreturn]] void fail(LONG rv, bool mid_read) {
  switch (rv) {
    case SCARD_E_NO_SERVICE:
    case SCARD_E_SERVICE_STOPPED:
      throw CardError(CardErrc::no_service);
    case SCARD_E_NO_READERS_AVAILABLE:
      throw CardError(CardErrc::no_reader);
    case SCARD_E_READER_UNAVAILABLE:
    case SCARD_E_UNKNOWN_READER:
      throw CardError(mid_read ? CardErrc::reader_unavailable : CardErrc::no_reader);
    case SCARD_E_NO_SMARTCARD:
    case SCARD_W_REMOVED_CARD:
    case SCARD_W_UNPOWERED_CARD:
    case SCARD_W_UNRESPONSIVE_CARD:
      throw CardError(mid_read ? CardErrc::card_removed : CardErrc::no_card);
    case SCARD_W_RESET_CARD:
    case SCARD_E_NOT_TRANSACTED:
    case SCARD_E_INVALID_HANDLE:
      throw CardError(mid_read ? CardErrc::card_removed : CardErrc::card_failure);
    case SCARD_E_SHARING_VIOLATION:
      throw CardError(CardErrc::busy);
    default:
      throw CardError(CardErrc::card_failure, std::nullopt, pcsc_stringify_error(rv));
  }
}

SCARDCONTEXT open_context() {
  SCARDCONTEXT context = 0;
  LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &context);
  if (rv != SCARD_S_SUCCESS) fail(rv, false);
  return context;
}

std::vector<ReaderStatus> readers_of(SCARDCONTEXT context) {
  DWORD size = 0;
  LONG rv = SCardListReaders(context, nullptr, nullptr, &size);
  if (rv != SCARD_S_SUCCESS) fail(rv, false);
  std::string names(size, '\0');
  rv = SCardListReaders(context, nullptr, names.data(), &size);
  if (rv != SCARD_S_SUCCESS) fail(rv, false);
  std::vector<ReaderStatus> out;
  for (size_t pos = 0; pos < names.size() && names[pos] != '\0';) {
    std::string name(names.c_str() + pos);
    pos += name.size() + 1;
    SCARD_READERSTATE state{};
    state.szReader = name.c_str();
    state.dwCurrentState = SCARD_STATE_UNAWARE;
    bool present = false;
    if (SCardGetStatusChange(context, 0, &state, 1) == SCARD_S_SUCCESS) {
      present = (state.dwEventState & SCARD_STATE_PRESENT) != 0;
    }
    out.push_back({name, present});
  }
  return out;
}

}  // namespace

std::vector<ReaderStatus> list_readers() {
  SCARDCONTEXT context = open_context();
  try {
    auto out = readers_of(context);
    SCardReleaseContext(context);
    return out;
  } catch (...) {
    SCardReleaseContext(context);
    throw;
  }
}

PcscChannel::PcscChannel(const std::optional<std::string>& reader_name) {
  SCARDCONTEXT context = open_context();
  context_ = static_cast<intptr_t>(context);
  try {
    auto readers = readers_of(context);
    if (readers.empty()) throw CardError(CardErrc::no_reader);
    if (reader_name) {
      bool known = false;
      for (const auto& r : readers) known = known || r.name == *reader_name;
      if (!known) throw CardError(CardErrc::no_reader);
      reader_ = *reader_name;
    } else {
      for (const auto& r : readers) {
        if (r.card_present) {
          reader_ = r.name;
          break;
        }
      }
      if (reader_.empty()) throw CardError(CardErrc::no_card);
    }
    SCARDHANDLE card = 0;
    DWORD protocol = 0;
    LONG rv = SCardConnect(context, reader_.c_str(), SCARD_SHARE_EXCLUSIVE, SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1,
                           &card, &protocol);
    if (rv != SCARD_S_SUCCESS) fail(rv, false);
    card_ = static_cast<intptr_t>(card);
    protocol_ = protocol;
  } catch (...) {
    SCardReleaseContext(context);
    throw;
  }
}

PcscChannel::~PcscChannel() {
  if (card_) SCardDisconnect(static_cast<SCARDHANDLE>(card_), SCARD_UNPOWER_CARD);
  SCardReleaseContext(static_cast<SCARDCONTEXT>(context_));
}

std::string PcscChannel::transmit(std::string_view apdu) {
  const SCARD_IO_REQUEST* pci = protocol_ == SCARD_PROTOCOL_T1 ? SCARD_PCI_T1 : SCARD_PCI_T0;
  unsigned char response[258 + 2];
  DWORD length = sizeof response;
  LONG rv = SCardTransmit(static_cast<SCARDHANDLE>(card_), pci, reinterpret_cast<const unsigned char*>(apdu.data()),
                          static_cast<DWORD>(apdu.size()), nullptr, response, &length);
  if (rv != SCARD_S_SUCCESS) fail(rv, true);
  // A response without its two status bytes: the card stopped answering. vpcd
  // (and contactless readers) report a card taken away this way before the
  // reader's presence polling notices.
  if (length < 2) throw CardError(CardErrc::card_removed);
  return std::string(reinterpret_cast<const char*>(response), length);
}

}  // namespace madoguchi::counter
