import { ref } from 'vue';
import { api, type Query, type TicketList, type TicketRow } from './api';

const PAGE = 20;

/**
 * A ticket list that grows as the person scrolls (Vant's van-list) and starts over on pull-to-refresh or a new
 * filter: `query` gives the list's parameters, `onPage` sees each answer. An answer to a superseded request is dropped.
 */
export function usePagedTickets(query: () => Query, onPage?: (res: TicketList, reset: boolean) => void) {
  const tickets = ref<TicketRow[]>([]);
  const total = ref(0);
  const page = ref(0);
  const loading = ref(false);
  const finished = ref(false);
  const refreshing = ref(false);
  const error = ref('');
  let seq = 0;

  async function load(reset: boolean): Promise<void> {
    const mine = reset ? ++seq : seq;
    if (reset) {
      page.value = 0;
      finished.value = false;
    }
    loading.value = true;
    error.value = '';
    try {
      const res = await api.tickets({ ...query(), page: page.value + 1, pageSize: PAGE });
      if (mine !== seq) return;
      tickets.value = reset ? res.tickets : [...tickets.value, ...res.tickets];
      total.value = res.total;
      page.value = res.page;
      finished.value = tickets.value.length >= res.total || res.tickets.length === 0;
      onPage?.(res, reset);
    } catch (err) {
      if (mine !== seq) return;
      error.value = (err as Error).message;
      finished.value = true;
    } finally {
      if (mine === seq) {
        loading.value = false;
        refreshing.value = false;
      }
    }
  }
  return { tickets, total, page, loading, finished, refreshing, error, load, refresh: () => load(true), more: () => load(page.value === 0) };
}
