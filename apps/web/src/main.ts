import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { createWebHistory } from 'vue-router';
import App from './App.vue';
import { createAppRouter } from './router/router';
import './styles.css';

createApp(App)
  .use(createPinia())
  .use(createAppRouter(createWebHistory(import.meta.env.BASE_URL)))
  .mount('#app');
