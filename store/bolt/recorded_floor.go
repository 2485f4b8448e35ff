package bolt

import (
	"bytes"
	"encoding/binary"
	"time"

	"go.etcd.io/bbolt"
)

// newestRecorded is the latest recorded time among the versions in b of
// every key of keys: a figure's vintages (vals) or a target's versions, each
// stored under the key and its recorded time (8 bytes, big-endian). A store
// records a batch after it (plancast.VintageClock.NextAfter), so that the
// batch is their newer version even when one was recorded ahead of this
// machine's clock.
func newestRecorded(b *bbolt.Bucket, keys [][]byte) time.Time {
	var newest uint64
	c := b.Cursor()
	for _, key := range keys {
		for k, _ := c.Seek(key); k != nil && bytes.HasPrefix(k, key); k, _ = c.Next() {
			if len(k) == len(key)+8 {
				newest = max(newest, binary.BigEndian.Uint64(k[len(key):]))
			}
		}
	}
	if newest == 0 {
		return time.Time{}
	}
	return time.Unix(0, int64(newest)).UTC()
}
