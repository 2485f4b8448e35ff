package bolt

import (
	"path/filepath"
	"testing"
)

// BenchmarkGuard is the check before each transaction: for a read the
// file's size and both meta pages (an fstat and two reads of 80 bytes);
// for a write a stat of the path as well (the file removed or replaced).
func BenchmarkGuard(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), FileName))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for _, write := range []bool{false, true} {
		name := "read"
		if write {
			name = "write"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if err := s.guard(write); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
