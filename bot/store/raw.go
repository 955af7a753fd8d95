package store

import "context"

// GetManyRaw is GetMany without decoding: each case's stored JSON, in the
// order of numbers, nil where there is none. Readers of a few fields of
// very many cases (the monthly bulletin over a large ledger) decode into a
// smaller struct of their own, which saves most of the decoding.
func (s *Store) GetManyRaw(ctx context.Context, numbers []string) ([][]byte, error) {
	out := make([][]byte, 0, len(numbers))
	const batch = 1000
	for start := 0; start < len(numbers); start += batch {
		end := min(start+batch, len(numbers))
		ks := make([]string, end-start)
		for i, n := range numbers[start:end] {
			ks[i] = s.k.Case(n)
		}
		vals, err := s.rdb.MGet(ctx, ks...).Result()
		if err != nil {
			return nil, err
		}
		for _, v := range vals {
			if str, ok := v.(string); ok {
				out = append(out, []byte(str))
			} else {
				out = append(out, nil)
			}
		}
	}
	return out, nil
}
