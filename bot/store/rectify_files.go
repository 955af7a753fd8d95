package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/redis/go-redis/v9"
)

// The files of a 整改 report uploaded on the app page are kept beside the
// case (keys.RectifyFiles: one hash per case, a field per file named by
// its SHA-256), not in the case record: a sweep decodes every case in its
// window, and a report's bytes have no business in that. The record lists
// them (cases.Rectification.Files). The hash is one of the case's
// attachments, so deleting the case (and undoing that) takes it along.

// ErrNoFile is returned for a file that is not (or no longer) kept.
var ErrNoFile = errors.New("file not kept")

// PutRectifyFile keeps a file of case number's report, with the text read
// from it ("" for a scan).
func (s *Store) PutRectifyFile(ctx context.Context, number, sha256 string, data []byte, text string) error {
	vals := []any{sha256, data}
	if text != "" {
		vals = append(vals, sha256+".text", text)
	}
	if err := s.rdb.HSet(ctx, s.k.RectifyFiles(number), vals...).Err(); err != nil {
		return fmt.Errorf("keep 整改 file of %s: %w", number, err)
	}
	return nil
}

// RectifyFile returns the bytes of a kept file of case number's report, or
// ErrNoFile.
func (s *Store) RectifyFile(ctx context.Context, number, sha256 string) ([]byte, error) {
	b, err := s.rdb.HGet(ctx, s.k.RectifyFiles(number), sha256).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, ErrNoFile
	}
	return b, err
}

// RectifyFileText returns the text read from a kept file ("" for a scan,
// or a file no longer kept).
func (s *Store) RectifyFileText(ctx context.Context, number, sha256 string) (string, error) {
	t, err := s.rdb.HGet(ctx, s.k.RectifyFiles(number), sha256+".text").Result()
	if errors.Is(err, redis.Nil) {
		return "", nil
	}
	return t, err
}

// DropRectifyFiles forgets kept files of case number's report: those a
// later upload replaced, or one whose filing did not go through.
func (s *Store) DropRectifyFiles(ctx context.Context, number string, sha256s ...string) error {
	if len(sha256s) == 0 {
		return nil
	}
	fields := make([]string, 0, 2*len(sha256s))
	for _, h := range sha256s {
		fields = append(fields, h, h+".text")
	}
	return s.rdb.HDel(ctx, s.k.RectifyFiles(number), fields...).Err()
}
