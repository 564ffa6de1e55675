/** The address of Mijn kwartaalronde (the menu, the landing page after signing in, the notices link to it). */
export const MY_ROUND_PATH = '/mijn-kwartaalronde';
