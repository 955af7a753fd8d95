package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"

	"github.com/redis/go-redis/v9"

	"casebot/bot/people"
)

// Person returns the directory entry of a WeCom userid.
func (s *Store) Person(ctx context.Context, userID string) (*people.Person, error) {
	return decodePerson(userID, s.rdb.Get(ctx, s.k.Person(userID)))
}

// decodePerson is the entry cmd read, ErrNotFound when there is none.
func decodePerson(userID string, cmd *redis.StringCmd) (*people.Person, error) {
	b, err := cmd.Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	var p people.Person
	if err := json.Unmarshal(b, &p); err != nil {
		return nil, fmt.Errorf("decode person %s: %w", userID, err)
	}
	return &p, nil
}

// LookupPerson is Person with a missing entry reported as (nil, nil), the
// shape bot.Directory wants, and with SoleName said: whether nobody else in
// the directory has the person's name (one SMEMBERS of the name index).
func (s *Store) LookupPerson(ctx context.Context, userID string) (*people.Person, error) {
	return s.withSoleName(ctx, userID)(s.Person(ctx, userID))
}

// withSoleName completes an entry read for userID: a missing one is (nil,
// nil), a found one learns SoleName. The name is known only once the entry
// is read, so this is a round trip of its own even after a pipelined read.
func (s *Store) withSoleName(ctx context.Context, userID string) func(*people.Person, error) (*people.Person, error) {
	return func(p *people.Person, err error) (*people.Person, error) {
		if errors.Is(err, ErrNotFound) {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		ids, err := s.rdb.SMembers(ctx, s.k.NamePeople(p.Name)).Result()
		if err != nil {
			return nil, err
		}
		if !slices.Contains(ids, userID) {
			// A directory written before the name index existed: build it,
			// once, then read again.
			if err := s.reindexNames(ctx); err != nil {
				return nil, err
			}
			if ids, err = s.rdb.SMembers(ctx, s.k.NamePeople(p.Name)).Result(); err != nil {
				return nil, err
			}
		}
		p.SoleName = len(ids) == 1 && ids[0] == userID
		return p, nil
	}
}

// Directory is the people directory as the bot looks senders up in:
// bot.Directory, and bot.QueuedDirectory when the bot's Redis is the
// store's (the sender and their pending question read in one round trip).
type Directory struct{ s *Store }

// Directory returns the store as the bot's directory.
func (s *Store) Directory() Directory { return Directory{s} }

// Lookup is LookupPerson.
func (d Directory) Lookup(ctx context.Context, userID string) (*people.Person, error) {
	return d.s.LookupPerson(ctx, userID)
}

// QueueLookup queues LookupPerson's read on p; get answers once p ran.
func (d Directory) QueueLookup(ctx context.Context, p redis.Pipeliner, userID string) (get func() (*people.Person, error)) {
	cmd := p.Get(ctx, d.s.k.Person(userID))
	return func() (*people.Person, error) { return d.s.withSoleName(ctx, userID)(decodePerson(userID, cmd)) }
}

// reindexNames adds every directory entry to the name index.
func (s *Store) reindexNames(ctx context.Context) error {
	ps, err := s.People(ctx)
	if err != nil || len(ps) == 0 {
		return err
	}
	_, err = s.rdb.Pipelined(ctx, func(pl redis.Pipeliner) error {
		for _, p := range ps {
			pl.SAdd(ctx, s.k.NamePeople(p.Name), p.UserID)
		}
		return nil
	})
	return err
}

// PutPerson adds or replaces a directory entry and its indexes atomically.
func (s *Store) PutPerson(ctx context.Context, p *people.Person) error {
	return s.PutPeople(ctx, []*people.Person{p})
}

// PutPeople adds or replaces several entries atomically.
func (s *Store) PutPeople(ctx context.Context, ps []*people.Person) error {
	ks := make([]string, len(ps))
	for i, p := range ps {
		if err := p.Validate(); err != nil {
			return fmt.Errorf("账号 %s：%w", p.UserID, err)
		}
		ks[i] = s.k.Person(p.UserID)
	}
	if len(ks) == 0 {
		return nil
	}
	return s.watch(ctx, func(tx *redis.Tx) error {
		olds, err := s.peopleTx(ctx, tx, ks)
		if err != nil {
			return err
		}
		_, err = tx.TxPipelined(ctx, func(pl redis.Pipeliner) error {
			for i, p := range ps {
				if old := olds[i]; old != nil {
					s.queuePersonUnindex(ctx, pl, old)
				}
				b, err := json.Marshal(p)
				if err != nil {
					return err
				}
				pl.Set(ctx, ks[i], b, 0)
				pl.SAdd(ctx, s.k.People(), p.UserID)
				pl.SAdd(ctx, s.k.RolePeople(string(p.Role)), p.UserID)
				pl.SAdd(ctx, s.k.NamePeople(p.Name), p.UserID)
				if p.Agency != "" {
					pl.SAdd(ctx, s.k.AgencyPeople(p.Agency), p.UserID)
				}
			}
			return nil
		})
		return err
	}, ks...)
}

// DeletePerson removes a directory entry.
func (s *Store) DeletePerson(ctx context.Context, userID string) error {
	key := s.k.Person(userID)
	return s.watch(ctx, func(tx *redis.Tx) error {
		olds, err := s.peopleTx(ctx, tx, []string{key})
		if err != nil {
			return err
		}
		if olds[0] == nil {
			return ErrNotFound
		}
		_, err = tx.TxPipelined(ctx, func(pl redis.Pipeliner) error {
			s.queuePersonUnindex(ctx, pl, olds[0])
			pl.Del(ctx, key)
			pl.SRem(ctx, s.k.People(), userID)
			return nil
		})
		return err
	}, key)
}

func (s *Store) queuePersonUnindex(ctx context.Context, pl redis.Pipeliner, old *people.Person) {
	pl.SRem(ctx, s.k.RolePeople(string(old.Role)), old.UserID)
	pl.SRem(ctx, s.k.NamePeople(old.Name), old.UserID)
	if old.Agency != "" {
		pl.SRem(ctx, s.k.AgencyPeople(old.Agency), old.UserID)
	}
}

func (s *Store) peopleTx(ctx context.Context, c redis.Cmdable, ks []string) ([]*people.Person, error) {
	vals, err := c.MGet(ctx, ks...).Result()
	if err != nil {
		return nil, err
	}
	out := make([]*people.Person, len(vals))
	for i, v := range vals {
		str, ok := v.(string)
		if !ok {
			continue
		}
		var p people.Person
		if err := json.Unmarshal([]byte(str), &p); err != nil {
			return nil, fmt.Errorf("decode %s: %w", ks[i], err)
		}
		out[i] = &p
	}
	return out, nil
}

// peopleIn returns the entries of the userids in set, sorted by userid.
func (s *Store) peopleIn(ctx context.Context, set string) ([]*people.Person, error) {
	ids, err := s.rdb.SMembers(ctx, set).Result()
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	sort.Strings(ids)
	ks := make([]string, len(ids))
	for i, id := range ids {
		ks[i] = s.k.Person(id)
	}
	ps, err := s.peopleTx(ctx, s.rdb, ks)
	if err != nil {
		return nil, err
	}
	out := ps[:0]
	for _, p := range ps {
		if p != nil {
			out = append(out, p)
		}
	}
	return out, nil
}

// People returns every directory entry.
func (s *Store) People(ctx context.Context) ([]*people.Person, error) {
	return s.peopleIn(ctx, s.k.People())
}

// AgencyPeople returns the entries of an agency's people.
func (s *Store) AgencyPeople(ctx context.Context, agency string) ([]*people.Person, error) {
	return s.peopleIn(ctx, s.k.AgencyPeople(agency))
}

// PeopleWithRole returns the entries holding a role.
func (s *Store) PeopleWithRole(ctx context.Context, role people.Role) ([]*people.Person, error) {
	return s.peopleIn(ctx, s.k.RolePeople(string(role)))
}
