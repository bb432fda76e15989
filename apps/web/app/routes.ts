import { type RouteConfig, index, layout, route } from '@react-router/dev/routes';

export default [
  index('routes/home.tsx'),
  route('signup', 'routes/signup.tsx'),
  route('login', 'routes/login.tsx'),
  route('recover', 'routes/recover.tsx'),
  route('s', 'routes/s.tsx'),
  layout('routes/shell.tsx', [
    route('drive/*', 'routes/drive.tsx'),
    route('docs', 'routes/docs.tsx'),
    route('docs/:docId', 'routes/doc.tsx'),
    route('sheets', 'routes/sheets.tsx'),
    route('sheets/:sheetId', 'routes/sheet.tsx'),
    route('calendar', 'routes/calendar.tsx', { id: 'calendar-all' }),
    route('calendar/:calendarId', 'routes/calendar.tsx', { id: 'calendar-one' }),
    route('chat', 'routes/chat.tsx', { id: 'chat-all' }),
    route('chat/:roomId', 'routes/chat.tsx', { id: 'chat-one' }),
    route('settings', 'routes/settings.tsx'),
  ]),
] satisfies RouteConfig;
