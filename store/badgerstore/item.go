package badgerstore

import (
	"context"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"github.com/exosh/exosh/store"
)

// MailboxItems returns the items of a mailbox in ID order.
func (s *Store) MailboxItems(ctx context.Context, mailbox store.ID) ([]store.Item, error) {
	var out []store.Item
	err := s.view(ctx, func(txn *badger.Txn) error {
		return scanItems(txn, itemPrefix(mailbox), func(item *badger.Item) (bool, error) {
			var it store.Item
			if err := decodeItem(item, &it); err != nil {
				return false, fmt.Errorf("item key %x: %w", item.Key(), err)
			}
			out = append(out, it)
			return true, nil
		})
	})
	return out, err
}

// PutItem creates or replaces an item.
func (s *Store) PutItem(ctx context.Context, it store.Item) error {
	if it.Mailbox.IsZero() || it.ID.IsZero() || it.Folder == "" {
		return fmt.Errorf("item needs a mailbox, an ID and a folder: %w", store.ErrInvalid)
	}
	it.Created = normTime(it.Created)
	return s.update(ctx, func(txn *badger.Txn) error {
		return setJSON(txn, itemKey(it.Mailbox, it.ID), it)
	})
}

// DeleteItem removes an item; store.ErrNotFound when it does not exist.
func (s *Store) DeleteItem(ctx context.Context, mailbox, id store.ID) error {
	return s.update(ctx, func(txn *badger.Txn) error {
		k := itemKey(mailbox, id)
		ok, err := exists(txn, k)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("item %s of mailbox %s: %w", id, mailbox, store.ErrNotFound)
		}
		return txn.Delete(k)
	})
}
