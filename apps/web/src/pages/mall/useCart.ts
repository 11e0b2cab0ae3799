import { useCallback, useEffect, useState } from 'react';
import { useAuth } from '../../auth';
import { CartLine, cartStore } from './cart';

/** The signed-in purchaser's cart, kept in localStorage under the account (another tab's changes arrive by the storage event). */
export function useCart() {
  const { account } = useAuth();
  const id = account?.id ?? 'anonymous';
  const [cart, setCart] = useState<CartLine[]>(() => cartStore.load(id));
  useEffect(() => {
    setCart(cartStore.load(id));
    const onStorage = (e: StorageEvent) => e.key?.endsWith(id) && setCart(cartStore.load(id));
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [id]);
  const update = useCallback(
    (change: (c: CartLine[]) => CartLine[]) =>
      setCart((c) => {
        const next = change(c);
        cartStore.save(id, next);
        return next;
      }),
    [id],
  );
  return { cart, update };
}
