import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import Todo from './pages/Todo.vue';

/**
 * History mode under /h5/ (the server answers every page path with index.html). 我的待办 is the first screen and
 * is bundled with the shell; every other page is its own chunk, the dashboard with ECharts among them.
 */
const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: { render: () => null } },
  { path: '/todo', name: 'todo', component: Todo, meta: { tab: 'todo', title: '我的待办' } },
  { path: '/tickets/:no(\\d+)', name: 'ticket', component: () => import('./pages/TicketDetail.vue'), meta: { title: '工单详情' } },
  { path: '/dashboard', name: 'dashboard', component: () => import('./pages/Dashboard.vue'), meta: { tab: 'dashboard', title: '领导看板' } },
  { path: '/ledger', name: 'ledger', component: () => import('./pages/Ledger.vue'), meta: { tab: 'ledger', title: '问题台账' } },
  { path: '/ours', name: 'ours', component: () => import('./pages/Ours.vue'), meta: { tab: 'ours', title: '我们的问题' } },
  { path: '/:rest(.*)*', redirect: '/' },
];

export const router = createRouter({
  history: createWebHistory('/h5/'),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
});

router.afterEach((to) => {
  const title = to.meta.title as string | undefined;
  document.title = title ? `${title} · 店小二工作台` : '店小二工作台';
});
