package bolt

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"

	"github.com/plancast/plancast"
)

// bbolt's meta page (go.etcd.io/bbolt/internal/common): a 16-byte page
// header, then magic, version and page size (uint32 each), flags, the root
// bucket (16 bytes), the freelist's page, the high-water mark (pgid: the
// number of pages the file holds), the transaction id and a FNV-64a
// checksum of what comes before it, in the machine's byte order.
const (
	metaAt       = 16
	metaMagic    = 0xED0CDAED
	metaVersion  = 2
	metaPgidAt   = metaAt + 40
	metaTxidAt   = metaAt + 48
	metaSumAt    = metaAt + 56
	metaFirstLen = 0x1000 // bbolt reads the first meta page from the first 4 KiB
)

// ErrCutShort is in the chain of the error of a store file that ends
// before the pages its meta page counts (fileShort).
var ErrCutShort = errors.New("the store file is cut short")

// shortError is a store file that ends before its last page.
type shortError struct{ size, want int64 }

func (e shortError) Error() string {
	return fmt.Sprintf("cut short: %s bytes, but its pages run to %s", plancast.FormatNumber(float64(e.size), 0), plancast.FormatNumber(float64(e.want), 0))
}
func (e shortError) Is(target error) bool { return target == ErrCutShort }

// emptyError is a store file of no bytes at all: the extreme of cut short
// (a cp onto a full disk, "> plancast.db", an scp killed at once). bbolt
// takes a 0-byte file for a new one and writes a fresh store into it, so a
// lost store came back as a new one with the demo data; it is told apart
// as a file cut short is, and errors.Is finds ErrCutShort in it.
type emptyError struct{}

func (emptyError) Error() string        { return "empty (0 bytes)" }
func (emptyError) Is(target error) bool { return target == ErrCutShort }

// fileShort tells whether the bbolt file at path ends before the pages its
// newest valid meta page counts: a copy an interrupted cp or scp, or a full
// disk, cut short. bbolt maps the file and trusts its pages, so reading
// a page past the end of such a file is a SIGBUS that takes the process
// down; this is told from the file's size before bbolt opens it. A file
// whose meta pages do not read (not a bbolt file at all) is left to bbolt;
// a file of 0 bytes is cut short too (emptyError), not a new store.
func fileShort(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return nil // bbolt says why
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil
	}
	size := info.Size()
	if size == 0 && info.Mode().IsRegular() {
		return emptyError{}
	}
	first := make([]byte, metaFirstLen)
	n, _ := io.ReadFull(f, first)
	meta0 := validMeta(first[:n])
	if meta0 == nil {
		return nil // not a bbolt file: bbolt says why
	}
	pageSize := int64(binary.NativeEndian.Uint32(meta0[metaAt+8:]))
	if size < pageSize+metaSumAt+8 { // the second meta page does not read
		return shortError{size, 2 * pageSize}
	}
	best := newestMeta(f, pageSize)
	if want := pagesEnd(best, pageSize); size < want {
		return shortError{size, want}
	}
	return nil
}

// newestMeta is the valid one of the two meta pages, at the file's start
// and at pageSize, with the higher transaction id (the one bbolt opens
// by); nil when neither is valid.
func newestMeta(f io.ReaderAt, pageSize int64) []byte {
	var best []byte
	for i := int64(0); i < 2; i++ {
		b := make([]byte, metaSumAt+8)
		if n, _ := f.ReadAt(b, i*pageSize); n < len(b) {
			continue
		}
		if m := validMeta(b); m != nil && (best == nil || binary.NativeEndian.Uint64(m[metaTxidAt:]) > binary.NativeEndian.Uint64(best[metaTxidAt:])) {
			best = m
		}
	}
	return best
}

// pagesEnd is where the pages a meta page counts end: its high-water mark
// times the page size.
func pagesEnd(meta []byte, pageSize int64) int64 {
	return int64(binary.NativeEndian.Uint64(meta[metaPgidAt:])) * pageSize
}

// CutShort returns an error in whose chain is ErrCutShort when the store
// file at path ends before the pages its meta page counts (it cannot be
// opened: a store to put a backup in place of), nil otherwise.
func CutShort(path string) error { return fileShort(path) }

// validMeta returns the meta page at the start of b when its magic, version
// and checksum are right, else nil.
func validMeta(b []byte) []byte {
	if len(b) < metaSumAt+8 {
		return nil
	}
	if binary.NativeEndian.Uint32(b[metaAt:]) != metaMagic || binary.NativeEndian.Uint32(b[metaAt+4:]) != metaVersion {
		return nil
	}
	h := fnv.New64a()
	h.Write(b[metaAt:metaSumAt])
	if h.Sum64() != binary.NativeEndian.Uint64(b[metaSumAt:]) {
		return nil
	}
	return b
}
