//===- ArchiveCheck.cpp - Weight records vs. the storages that use them ---===//
//
// libtorch's unpickler sizes a tensor storage from the element count written
// in the pickle and fills it from the archive's weight record without
// comparing the two: a truncated record leaves the rest of the storage as
// whatever the heap held (two exports of the same archive differ). This file
// reads the storage references out of `data.pkl` and `constants.pkl` with a
// small pickle scanner of its own (it interprets no objects: it tracks
// strings, integers, globals and tuples on a stack, nothing else) and checks
// each against the size of its record, before libtorch loads the archive.
//
//===----------------------------------------------------------------------===//

#include "ArchiveCheck.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSwitch.h"

#include <caffe2/serialize/inline_container.h>

#include <memory>
#include <optional>
#include <variant>
#include <vector>

using llvm::StringRef;

namespace {

struct Value;
using Tuple = std::shared_ptr<const std::vector<Value>>;
struct Global {
  std::string name; // "module.Name"
};
struct Other {};
struct Mark {};
struct Value {
  std::variant<Other, Mark, std::string, int64_t, Global, Tuple> v;
};

/// A storage reference from a BINPERSID: ('storage', torch.XStorage, key,
/// location, numel).
struct StorageRef {
  std::string key;
  std::string type; // e.g. "FloatStorage"
  int64_t numel;
};

/// Scans a protocol-2..5 pickle for storage references. Returns nullopt when
/// the stream uses something the scanner does not follow (libtorch then
/// decides about the archive on its own).
class Scanner {
public:
  explicit Scanner(StringRef bytes) : data(bytes) {}
  std::optional<std::vector<StorageRef>> run();

private:
  bool take(size_t n, StringRef &out) {
    if (data.size() - pos < n)
      return false;
    out = data.substr(pos, n);
    pos += n;
    return true;
  }
  bool takeUInt(size_t n, uint64_t &out) {
    StringRef b;
    if (!take(n, b))
      return false;
    out = 0;
    for (size_t i = 0; i < n; ++i)
      out |= uint64_t(uint8_t(b[i])) << (8 * i);
    return true;
  }
  bool takeLine(StringRef &out) {
    size_t nl = data.find('\n', pos);
    if (nl == StringRef::npos)
      return false;
    out = data.substr(pos, nl - pos);
    pos = nl + 1;
    return true;
  }
  bool push(Value v) {
    if (stack.size() >= kMaxStack)
      return false;
    stack.push_back(std::move(v));
    return true;
  }
  bool pop(Value &v) {
    if (stack.empty())
      return false;
    v = std::move(stack.back());
    stack.pop_back();
    return true;
  }
  /// Pops down to the topmost mark; the items above it go to `items`.
  bool popToMark(std::vector<Value> &items) {
    size_t i = stack.size();
    while (i > 0 && !std::holds_alternative<Mark>(stack[i - 1].v))
      --i;
    if (i == 0)
      return false;
    items.assign(std::make_move_iterator(stack.begin() + i),
                 std::make_move_iterator(stack.end()));
    stack.resize(i - 1);
    return true;
  }
  bool popN(size_t n, std::vector<Value> &items) {
    if (stack.size() < n)
      return false;
    items.assign(std::make_move_iterator(stack.end() - n),
                 std::make_move_iterator(stack.end()));
    stack.resize(stack.size() - n);
    return true;
  }
  void persistentId(const Value &id);

  static constexpr size_t kMaxStack = 1 << 20;
  StringRef data;
  size_t pos = 0;
  std::vector<Value> stack;
  llvm::DenseMap<uint64_t, Value> memo;
  std::vector<StorageRef> refs;
};

void Scanner::persistentId(const Value &id) {
  const Tuple *t = std::get_if<Tuple>(&id.v);
  if (!t || (*t)->size() != 5)
    return;
  const auto &e = **t;
  const auto *tag = std::get_if<std::string>(&e[0].v);
  const auto *type = std::get_if<Global>(&e[1].v);
  const auto *key = std::get_if<std::string>(&e[2].v);
  const auto *numel = std::get_if<int64_t>(&e[4].v);
  if (!tag || *tag != "storage" || !type || !key || !numel)
    return;
  StringRef name(type->name);
  refs.push_back({*key, name.substr(name.rfind('.') + 1).str(), *numel});
}

std::optional<std::vector<StorageRef>> Scanner::run() {
  std::vector<Value> items;
  while (pos < data.size()) {
    uint8_t op = data[pos++];
    StringRef s;
    uint64_t n = 0;
    Value v;
    switch (op) {
    case 0x80: // PROTO
      if (!takeUInt(1, n))
        return std::nullopt;
      break;
    case 0x95: // FRAME
      if (!takeUInt(8, n))
        return std::nullopt;
      break;
    case '.': // STOP
      return refs;
    case '(': // MARK
      if (!push({Mark{}}))
        return std::nullopt;
      break;
    case ')': // EMPTY_TUPLE
      if (!push({std::make_shared<const std::vector<Value>>()}))
        return std::nullopt;
      break;
    case ']':  // EMPTY_LIST
    case '}':  // EMPTY_DICT
    case 0x8f: // EMPTY_SET
    case 'N':  // NONE
    case 0x88: // NEWTRUE
    case 0x89: // NEWFALSE
      if (!push({Other{}}))
        return std::nullopt;
      break;
    case 'J': // BININT
      if (!takeUInt(4, n) || !push({int64_t(int32_t(uint32_t(n)))}))
        return std::nullopt;
      break;
    case 'K': // BININT1
      if (!takeUInt(1, n) || !push({int64_t(n)}))
        return std::nullopt;
      break;
    case 'M': // BININT2
      if (!takeUInt(2, n) || !push({int64_t(n)}))
        return std::nullopt;
      break;
    case 0x8a:   // LONG1
    case 0x8b: { // LONG4
      if (!takeUInt(op == 0x8a ? 1 : 4, n) || !take(n, s))
        return std::nullopt;
      // Little-endian two's complement; only values that fit int64 count.
      if (n > 8) {
        if (!push({Other{}}))
          return std::nullopt;
        break;
      }
      uint64_t u = 0;
      for (size_t i = 0; i < n; ++i)
        u |= uint64_t(uint8_t(s[i])) << (8 * i);
      if (n > 0 && n < 8 && (uint8_t(s[n - 1]) & 0x80))
        u |= ~uint64_t(0) << (8 * n);
      if (!push({int64_t(u)}))
        return std::nullopt;
      break;
    }
    case 'G': // BINFLOAT
      if (!take(8, s) || !push({Other{}}))
        return std::nullopt;
      break;
    case 'X':  // BINUNICODE
    case 0x8c: // SHORT_BINUNICODE
    case 0x8d: // BINUNICODE8
      if (!takeUInt(op == 'X'    ? 4
                    : op == 0x8c ? 1
                                 : 8,
                    n) ||
          !take(n, s) || !push({s.str()}))
        return std::nullopt;
      break;
    case 'T':  // BINSTRING
    case 'U':  // SHORT_BINSTRING
    case 'B':  // BINBYTES
    case 'C':  // SHORT_BINBYTES
    case 0x8e: // BINBYTES8
    case 0x96: // BYTEARRAY8
      if (!takeUInt(op == 'U' || op == 'C'     ? 1
                    : op == 0x8e || op == 0x96 ? 8
                                               : 4,
                    n) ||
          !take(n, s) || !push({Other{}}))
        return std::nullopt;
      break;
    case 'I': // INT (text)
    case 'L': // LONG (text)
    case 'F': // FLOAT (text)
    case 'S': // STRING (text)
    case 'V': // UNICODE (text)
      if (!takeLine(s) || !push({Other{}}))
        return std::nullopt;
      break;
    case 'c': { // GLOBAL
      StringRef module, name;
      if (!takeLine(module) || !takeLine(name) ||
          !push({Global{module.str() + "." + name.str()}}))
        return std::nullopt;
      break;
    }
    case 0x93: { // STACK_GLOBAL
      if (!popN(2, items))
        return std::nullopt;
      auto *m = std::get_if<std::string>(&items[0].v);
      auto *nm = std::get_if<std::string>(&items[1].v);
      if (!push(m && nm ? Value{Global{*m + "." + *nm}} : Value{Other{}}))
        return std::nullopt;
      break;
    }
    case 'q': // BINPUT
    case 'r': // LONG_BINPUT
      if (!takeUInt(op == 'q' ? 1 : 4, n) || stack.empty())
        return std::nullopt;
      memo[n] = stack.back();
      break;
    case 0x94: // MEMOIZE
      if (stack.empty())
        return std::nullopt;
      memo[memo.size()] = stack.back();
      break;
    case 'h':   // BINGET
    case 'j': { // LONG_BINGET
      if (!takeUInt(op == 'h' ? 1 : 4, n))
        return std::nullopt;
      auto it = memo.find(n);
      if (it == memo.end() || !push(it->second))
        return std::nullopt;
      break;
    }
    case 't': // TUPLE
      if (!popToMark(items) ||
          !push({std::make_shared<const std::vector<Value>>(std::move(items))}))
        return std::nullopt;
      break;
    case 0x85: // TUPLE1
    case 0x86: // TUPLE2
    case 0x87: // TUPLE3
      if (!popN(op - 0x84, items) ||
          !push({std::make_shared<const std::vector<Value>>(std::move(items))}))
        return std::nullopt;
      break;
    case 'l':  // LIST
    case 'd':  // DICT
    case 0x90: // ADDITEMS (set, mark)
    case 0x91: // FROZENSET
      if (!popToMark(items) || (op != 0x90 && !push({Other{}})))
        return std::nullopt;
      break;
    case 'e': // APPENDS
    case 'u': // SETITEMS
      if (!popToMark(items))
        return std::nullopt;
      break;
    case 'a': // APPEND
    case '0': // POP
      if (!pop(v))
        return std::nullopt;
      break;
    case 's': // SETITEM
      if (!popN(2, items))
        return std::nullopt;
      break;
    case '1': // POP_MARK
      if (!popToMark(items))
        return std::nullopt;
      break;
    case '2': // DUP
      if (stack.empty() || !push(stack.back()))
        return std::nullopt;
      break;
    case 'R':  // REDUCE: callable, args -> object
    case 0x81: // NEWOBJ: cls, args -> object
    case 'b':  // BUILD: object, state -> object
      if (!popN(2, items) || !push({Other{}}))
        return std::nullopt;
      break;
    case 0x92: // NEWOBJ_EX: cls, args, kwargs -> object
      if (!popN(3, items) || !push({Other{}}))
        return std::nullopt;
      break;
    case 'Q': // BINPERSID
      if (!pop(v))
        return std::nullopt;
      persistentId(v);
      if (!push({Other{}}))
        return std::nullopt;
      break;
    default:
      return std::nullopt;
    }
  }
  return std::nullopt; // no STOP
}

int64_t storageItemSize(StringRef type) {
  return llvm::StringSwitch<int64_t>(type)
      .Cases({"DoubleStorage", "LongStorage", "ComplexFloatStorage",
              "UInt64Storage"},
             8)
      .Cases({"FloatStorage", "IntStorage", "QInt32Storage",
              "ComplexHalfStorage", "UInt32Storage"},
             4)
      .Cases(
          {"HalfStorage", "BFloat16Storage", "ShortStorage", "UInt16Storage"},
          2)
      .Cases({"ByteStorage", "CharStorage", "BoolStorage", "QUInt8Storage",
              "QInt8Storage", "QUInt4x2Storage", "QUInt2x4Storage",
              "Float8_e5m2Storage", "Float8_e4m3fnStorage",
              "Float8_e5m2fnuzStorage", "Float8_e4m3fnuzStorage"},
             1)
      .Case("ComplexDoubleStorage", 16)
      .Default(0);
}

} // namespace

std::string mlir::Torch::checkArchiveWeightRecords(const std::string &path) {
  try {
    caffe2::serialize::PyTorchStreamReader reader(path);
    for (const char *archive : {"data", "constants"}) {
      std::string pickle = std::string(archive) + ".pkl";
      if (!reader.hasRecord(pickle))
        continue;
      // Pickles of a TorchScript archive are small (the weights are
      // records of their own); a huge one is left to libtorch.
      if (reader.getRecordSize(pickle) > (size_t(256) << 20))
        continue;
      auto [bytes, size] = reader.getRecord(pickle);
      StringRef text(static_cast<const char *>(bytes.get()), size);
      std::optional<std::vector<StorageRef>> refs = Scanner(text).run();
      if (!refs)
        continue;
      for (const StorageRef &ref : *refs) {
        int64_t item = storageItemSize(ref.type);
        if (item == 0 || ref.numel <= 0)
          continue;
        std::string record = std::string(archive) + "/" + ref.key;
        std::string what = "the weight record '" + record + "' (a " + ref.type +
                           " of " + std::to_string(ref.numel) + " elements)";
        if (!reader.hasRecord(record))
          return what + " is missing (a truncated or edited archive?); "
                        "save the model again";
        uint64_t need;
        if (__builtin_mul_overflow(uint64_t(ref.numel), uint64_t(item), &need))
          return what + " has an impossible size; save the model again";
        uint64_t have = reader.getRecordSize(record);
        if (have < need)
          return what + " holds " + std::to_string(have) + " bytes, but " +
                 std::to_string(need) +
                 " are needed (a truncated or edited archive?); save the "
                 "model again";
      }
    }
  } catch (const std::exception &) {
    // Not a readable zip archive: libtorch's load reports it.
  }
  return "";
}

bool mlir::Torch::archiveDebugInfoIsWellFormed(const std::string &path) {
  try {
    caffe2::serialize::PyTorchStreamReader reader(path);
    for (const std::string &name : reader.getAllRecords()) {
      if (!StringRef(name).ends_with(".debug_pkl"))
        continue;
      if (reader.getRecordSize(name) > (size_t(256) << 20))
        return false;
      auto [bytes, size] = reader.getRecord(name);
      StringRef text(static_cast<const char *>(bytes.get()), size);
      if (!Scanner(text).run())
        return false;
    }
    return true;
  } catch (const std::exception &) {
    return false;
  }
}
