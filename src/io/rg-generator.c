/* rg-generator.c — the demo studio and databases of reference scale.
 *
 * The rows are not independent random rows: the generator simulates the
 * studio day by day, from (now − years) to (now + future_days). Each master
 * on duty fills their working day with clients who are due (every client
 * has a personal rhythm, a preferred master and a loyalty that decides
 * whether they come back), and new clients arrive to fill what is left, so
 * the calendar never overlaps and the figures the analytics read (intervals,
 * churn, satisfaction, money) come out of a plausible history.
 *
 * Everything random comes from one seeded xoshiro256** stream and primary
 * keys from a keyed permutation of a counter, so the same options (seed,
 * now, language, sizes) give the same rows byte for byte, with no key ever
 * drawn twice. Working hours are local wall-clock times, so the rows also
 * follow the local time zone. Nothing reads the wall clock: every
 * created_at/updated_at is derived from the simulated history and is never
 * later than options->now.
 *
 * The simulation runs in memory first; the rows are then written in one
 * transaction with cached multi-row INSERTs, in key order for the big
 * tables.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-io"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rg-generator.h"
#include "model/rg-enums.h"
#include "store/rg-text.h"

#define DEMO_SEED          G_GUINT64_CONSTANT (20261124)
#define DEFAULT_SERVICES   25
#define MAX_CLIENTS        10000000
#define MAX_YEARS          30
#define MAX_STAFF          1000
#define MAX_SERVICES       500
#define MAX_FUTURE_DAYS    366
#define MAX_BOOKINGS       48          /* per master and day */
#define SECONDS_PER_DAY    86400
#define SECONDS_PER_YEAR   31557600.0
#define NONE               (-1)

/* Text ------------------------------------------------------------------------
 *
 * What the studio's people wrote: names, services, comments. These are data
 * in the generated studio's language, not user interface, so they are not
 * translated through gettext. "{m}" in a comment stands for the master's
 * first name. */

typedef struct {
  const char * const *items;
  guint               n;
} Pool;

#define POOL(a) { a, G_N_ELEMENTS (a) }

typedef struct {
  const char *name;
  const char *nick;           /* what friends call them; NULL: the name */
} FirstName;

typedef struct {
  const char *male;
  const char *female;
} Patronymic;

enum {
  CAT_HAIR,
  CAT_NAILS,
  CAT_BROWS,
  CAT_COSMETOLOGY,
  CAT_MASSAGE,
  CAT_SPA,
  N_CATEGORIES
};

typedef struct {
  int         category;
  const char *name_ru;
  const char *name_en;
  int         minutes;
  int         price_ru;       /* roubles */
  int         price_en;       /* pence */
  int         repeat_days;    /* 0: no recommended interval */
  int         weight;         /* how often a new client comes for it */
  int         addon;          /* a service often added to it, or NONE */
} ServiceDef;

static const ServiceDef service_defs[DEFAULT_SERVICES] = {
  { CAT_HAIR,        "Женская стрижка",               "Women’s haircut",           60,  2500,  4500,  42, 9, 4 },
  { CAT_HAIR,        "Мужская стрижка",               "Men’s haircut",             30,  1500,  2800,  28, 7, NONE },
  { CAT_HAIR,        "Окрашивание в один тон",        "Single-process colour",     90,  5500,  8500,  42, 4, 0 },
  { CAT_HAIR,        "Сложное окрашивание",           "Balayage",                  180, 9500,  15000, 70, 1, NONE },
  { CAT_HAIR,        "Укладка",                       "Blow-dry",                  45,  1800,  3000,  0,  3, NONE },
  { CAT_HAIR,        "Детская стрижка",               "Children’s haircut",        30,  1000,  1800,  35, 2, NONE },
  { CAT_HAIR,        "Кератиновое восстановление",    "Keratin treatment",         150, 7000,  12000, 120, 1, NONE },
  { CAT_NAILS,       "Маникюр с покрытием гель-лак",  "Gel manicure",              60,  2200,  3500,  21, 12, 11 },
  { CAT_NAILS,       "Маникюр без покрытия",          "Classic manicure",          45,  1000,  2000,  21, 4, NONE },
  { CAT_NAILS,       "Педикюр с покрытием",           "Gel pedicure",              75,  2800,  4000,  30, 5, NONE },
  { CAT_NAILS,       "Наращивание ногтей",            "Nail extensions",           150, 3500,  5500,  21, 1, NONE },
  { CAT_NAILS,       "Дизайн ногтей",                 "Nail art",                  30,  500,   800,   0,  0, NONE },
  { CAT_BROWS,       "Коррекция и окрашивание бровей", "Brow shape and tint",      30,  1200,  2500,  28, 7, NONE },
  { CAT_BROWS,       "Наращивание ресниц",            "Lash extensions",           120, 3000,  6000,  21, 3, NONE },
  { CAT_BROWS,       "Ламинирование ресниц",          "Lash lift",                 60,  2200,  4500,  42, 3, 12 },
  { CAT_BROWS,       "Долговременная укладка бровей", "Brow lamination",           60,  2000,  4000,  42, 2, NONE },
  { CAT_COSMETOLOGY, "Чистка лица",                   "Deep-cleansing facial",     90,  3500,  6000,  30, 3, NONE },
  { CAT_COSMETOLOGY, "Пилинг",                        "Chemical peel",             45,  3000,  5500,  28, 2, NONE },
  { CAT_COSMETOLOGY, "Уходовая процедура для лица",   "Hydrating facial",          60,  2800,  5000,  28, 3, NONE },
  { CAT_COSMETOLOGY, "Шугаринг ног",                  "Leg sugaring",              60,  1800,  3500,  28, 3, NONE },
  { CAT_MASSAGE,     "Классический массаж",           "Full-body massage",         60,  2500,  5500,  14, 4, NONE },
  { CAT_MASSAGE,     "Массаж спины",                  "Back massage",              30,  1500,  3500,  14, 3, NONE },
  { CAT_MASSAGE,     "Антицеллюлитный массаж",        "Anti-cellulite massage",    60,  2800,  5500,  10, 2, NONE },
  { CAT_SPA,         "SPA-программа «Релакс»",        "Relax spa ritual",          120, 5500,  9500,  0,  2, NONE },
  { CAT_SPA,         "Обёртывание",                   "Body wrap",                 90,  3200,  6000,  30, 2, NONE },
};

#define SERVICE_MENS_HAIRCUT 1
#define SERVICE_KIDS_HAIRCUT 5

static const char * const categories_ru[N_CATEGORIES] = {
  "Волосы", "Ногти", "Брови и ресницы", "Косметология", "Массаж", "SPA",
};

static const char * const categories_en[N_CATEGORIES] = {
  "Hair", "Nails", "Brows and lashes", "Skin care", "Massage", "Spa",
};

/* What each master does, by position (repeats for larger studios). A
 * barber only cuts: men's and children's haircuts. */
#define BARBER (1u << N_CATEGORIES)

static const guint master_categories[] = {
  1 << CAT_HAIR,
  1 << CAT_NAILS,
  1 << CAT_HAIR,
  (1 << CAT_NAILS) | (1 << CAT_BROWS),
  (1 << CAT_COSMETOLOGY) | (1 << CAT_BROWS),
  (1 << CAT_MASSAGE) | (1 << CAT_SPA),
  1 << CAT_NAILS,
  BARBER,
  1 << CAT_BROWS,
  1 << CAT_NAILS,
};

/* GNOME palette: the primary shades first, then the lighter and darker. */
static const char * const palette[] = {
  "#3584e4", "#33d17a", "#f6d32d", "#ff7800", "#e01b24", "#9141ac", "#986a44", "#2190a4",
  "#62a0ea", "#57e389", "#f8e45c", "#ffa348", "#ed333b", "#c061cb", "#b5835a", "#77767b",
  "#1c71d8", "#2ec27e", "#f5c211", "#e66100", "#c01c28", "#813d9c", "#865e3c", "#5e5c64",
  "#99c1f1", "#8ff0a4", "#f9f06b", "#ffbe6f", "#f66151", "#dc8add", "#cdab8f", "#9a9996",
  "#1a5fb4", "#26a269", "#e5a50a", "#c64600", "#a51d2d", "#613583", "#63452c", "#3d3846",
};

static const FirstName female_ru[] = {
  { "Анна", "Аня" }, { "Мария", "Маша" }, { "Елена", "Лена" }, { "Ольга", "Оля" },
  { "Наталья", "Наташа" }, { "Екатерина", "Катя" }, { "Татьяна", "Таня" }, { "Ирина", "Ира" },
  { "Светлана", "Света" }, { "Юлия", "Юля" }, { "Анастасия", "Настя" }, { "Дарья", "Даша" },
  { "Алёна", NULL }, { "Ксения", "Ксюша" }, { "Виктория", "Вика" }, { "Полина", NULL },
  { "Александра", "Саша" }, { "Марина", NULL }, { "Евгения", "Женя" }, { "Вероника", "Ника" },
  { "Кристина", NULL }, { "Валерия", "Лера" }, { "Алина", NULL }, { "Софья", "Соня" },
  { "Елизавета", "Лиза" }, { "Галина", "Галя" }, { "Людмила", "Люда" }, { "Надежда", "Надя" },
  { "Любовь", "Люба" }, { "Валентина", "Валя" }, { "Оксана", NULL }, { "Диана", NULL },
  { "Яна", NULL }, { "Милана", NULL }, { "Варвара", "Варя" }, { "Арина", NULL },
  { "Ульяна", NULL }, { "Олеся", NULL }, { "Карина", NULL }, { "Зоя", NULL },
  { "Фаина", NULL }, { "Таисия", "Тася" }, { "Василиса", NULL }, { "Снежана", NULL },
};

static const FirstName male_ru[] = {
  { "Александр", "Саша" }, { "Дмитрий", "Дима" }, { "Сергей", NULL }, { "Андрей", NULL },
  { "Алексей", "Лёша" }, { "Максим", NULL }, { "Артём", NULL }, { "Иван", NULL },
  { "Михаил", "Миша" }, { "Николай", "Коля" }, { "Павел", "Паша" }, { "Евгений", "Женя" },
  { "Владимир", NULL }, { "Роман", NULL }, { "Никита", NULL }, { "Егор", NULL },
  { "Илья", NULL }, { "Кирилл", NULL }, { "Фёдор", NULL }, { "Пётр", NULL },
  { "Семён", NULL }, { "Тимофей", NULL }, { "Константин", "Костя" }, { "Олег", NULL },
  { "Игорь", NULL }, { "Антон", NULL }, { "Денис", NULL }, { "Глеб", NULL },
};

static const Patronymic patronymics_ru[] = {
  { "Александрович", "Александровна" }, { "Дмитриевич", "Дмитриевна" },
  { "Сергеевич", "Сергеевна" }, { "Андреевич", "Андреевна" },
  { "Алексеевич", "Алексеевна" }, { "Михайлович", "Михайловна" },
  { "Николаевич", "Николаевна" }, { "Иванович", "Ивановна" },
  { "Владимирович", "Владимировна" }, { "Юрьевич", "Юрьевна" },
  { "Викторович", "Викторовна" }, { "Игоревич", "Игоревна" },
  { "Олегович", "Олеговна" }, { "Павлович", "Павловна" },
  { "Евгеньевич", "Евгеньевна" }, { "Анатольевич", "Анатольевна" },
  { "Валерьевич", "Валерьевна" }, { "Геннадьевич", "Геннадьевна" },
  { "Петрович", "Петровна" }, { "Фёдорович", "Фёдоровна" },
  { "Семёнович", "Семёновна" }, { "Борисович", "Борисовна" },
  { "Васильевич", "Васильевна" }, { "Константинович", "Константиновна" },
  { "Вячеславович", "Вячеславовна" }, { "Артёмович", "Артёмовна" },
  { "Романович", "Романовна" }, { "Григорьевич", "Григорьевна" },
};

/* Masculine forms; feminine_surname() derives the others. */
static const char * const surnames_ru[] = {
  "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов",
  "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров",
  "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин",
  "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв",
  "Сергеев", "Кузьмин", "Фролов", "Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв",
  "Ильин", "Максимов", "Поляков", "Сорокин", "Виноградов", "Ковалёв", "Белов", "Медведев",
  "Антонов", "Тарасов", "Жуков", "Баранов", "Филиппов", "Комаров", "Давыдов", "Беляев",
  "Герасимов", "Богданов", "Осипов", "Сидоров", "Матвеев", "Титов", "Марков", "Миронов",
  "Крылов", "Куликов", "Карпов", "Власов", "Мельников", "Денисов", "Гаврилов", "Тихонов",
  "Казаков", "Афанасьев", "Данилов", "Савельев", "Тимофеев", "Фомин", "Чернов", "Абрамов",
  "Мартынов", "Ефимов", "Федотов", "Щербаков", "Назаров", "Калинин", "Исаев", "Чернышёв",
  "Быков", "Маслов", "Родионов", "Коновалов", "Лазарев", "Воронин", "Климов", "Филатов",
  "Пономарёв", "Голубев", "Кудрявцев", "Прохоров", "Наумов", "Потапов", "Журавлёв", "Овчинников",
  "Трофимов", "Леонов", "Соболев", "Ермаков", "Колесников", "Гончаров", "Емельянов", "Никифоров",
  "Грачёв", "Котов", "Гришин", "Ефремов", "Архипов", "Громов", "Кириллов", "Малышев",
  "Панов", "Моисеев", "Румянцев", "Акимов", "Кондратьев", "Бирюков", "Горбунов", "Анисимов",
  "Ерёмин", "Тихомиров", "Галкин", "Лукьянов", "Михеев", "Скворцов", "Юдин", "Белоусов",
  "Нестеров", "Симонов", "Прокофьев", "Харитонов", "Князев", "Цветков", "Левин", "Воронцов",
  "Вишневский", "Покровский", "Островский", "Шевченко", "Бондаренко", "Ткаченко", "Ким", "Лысенко",
};

static const FirstName female_en[] = {
  { "Emma", NULL }, { "Olivia", "Liv" }, { "Sophie", NULL }, { "Charlotte", "Lottie" },
  { "Amelia", "Millie" }, { "Isla", NULL }, { "Grace", NULL }, { "Lily", NULL },
  { "Ella", NULL }, { "Jessica", "Jess" }, { "Hannah", NULL }, { "Chloe", NULL },
  { "Emily", NULL }, { "Lucy", NULL }, { "Ruby", NULL }, { "Megan", "Meg" },
  { "Rachel", NULL }, { "Laura", NULL }, { "Sarah", NULL }, { "Rebecca", "Becky" },
  { "Katherine", "Kate" }, { "Elizabeth", "Liz" }, { "Victoria", "Vicky" }, { "Samantha", "Sam" },
  { "Jennifer", "Jen" }, { "Natalie", NULL }, { "Holly", NULL }, { "Zoe", NULL },
  { "Amy", NULL }, { "Anna", NULL }, { "Claire", NULL }, { "Helen", NULL },
  { "Joanna", "Jo" }, { "Abigail", "Abby" }, { "Alice", NULL }, { "Eleanor", "Ellie" },
  { "Freya", NULL }, { "Mia", NULL }, { "Poppy", NULL }, { "Harriet", "Hattie" },
  { "Priya", NULL }, { "Aisha", NULL }, { "Zofia", NULL }, { "Siobhan", NULL },
};

static const FirstName male_en[] = {
  { "James", "Jamie" }, { "Oliver", "Ollie" }, { "Jack", NULL }, { "Harry", NULL },
  { "George", NULL }, { "Thomas", "Tom" }, { "William", "Will" }, { "Daniel", "Dan" },
  { "Matthew", "Matt" }, { "Samuel", "Sam" }, { "Joseph", "Joe" }, { "Benjamin", "Ben" },
  { "Alexander", "Alex" }, { "Edward", "Ed" }, { "Michael", "Mike" }, { "David", "Dave" },
  { "Christopher", "Chris" }, { "Andrew", "Andy" }, { "Jonathan", "Jon" }, { "Luke", NULL },
  { "Adam", NULL }, { "Ryan", NULL }, { "Liam", NULL }, { "Noah", NULL },
  { "Oscar", NULL }, { "Arjun", NULL }, { "Tomasz", NULL }, { "Callum", NULL },
};

static const char * const surnames_en[] = {
  "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson",
  "Thomas", "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White",
  "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel",
  "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris",
  "Moore", "Clark", "Lee", "King", "Baker", "Harrison", "Morgan", "Allen",
  "James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett",
  "Young", "Griffiths", "Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey",
  "Collins", "Bell", "Shaw", "Murphy", "Miller", "Cox", "Richards", "Khan",
  "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Singh", "Begum", "Wilkinson",
  "Foster", "Chapman", "Powell", "Webb", "Rogers", "Gray", "Mason", "Ali",
  "Hunt", "Hussain", "Campbell", "Matthews", "Owen", "Palmer", "Holmes", "Mills",
  "Barnes", "Knight", "Lloyd", "Butler", "Russell", "Barker", "Fisher", "Stevens",
  "Jenkins", "Murray", "Dixon", "Harvey", "O’Brien", "Nowak", "MacDonald", "Fletcher",
};

static const char * const sources_ru[] = {
  "Instagram", "ВКонтакте", "Рекомендация подруги", "Проходила мимо", "Яндекс Карты",
  "2ГИС", "Сайт", "Листовка в бизнес-центре", "Telegram-канал", "Авито",
};

static const char * const sources_en[] = {
  "Instagram", "Facebook", "A friend’s recommendation", "Walked by", "Google Maps",
  "Website", "Flyer", "TikTok", "Local newsletter", "Treatwell",
};

#define SOURCE_RU_REFERRAL "Рекомендация"
#define SOURCE_EN_REFERRAL "Recommended by a client"

static const char * const call_times_ru[] = {
  "После 18:00", "Утром, до 10", "В обед", "Только в выходные", "Лучше писать, не звонить",
  "С 12 до 16",
};

static const char * const call_times_en[] = {
  "After 6 pm", "Mornings before 10", "Lunchtime", "Weekends only", "Prefers texts to calls",
  "Between 12 and 4",
};

static const char * const preferences_ru[] = {
  "Кофе без сахара", "Зелёный чай с мятой", "Капучино на овсяном молоке",
  "Любит тишину во время процедуры", "Любит поговорить", "Не любит громкую музыку",
  "Только вода без газа", "Предпочитает нюдовые оттенки", "Любит аромат лаванды",
  "Чай с лимоном, без сахара", "Не переносит резкие запахи", "Просит плед — мёрзнет",
  "Американо с молоком", "Любит джаз", "Ромашковый чай", "Яркие цвета, любит эксперименты",
};

static const char * const preferences_en[] = {
  "Coffee, no sugar", "Green tea with mint", "Oat-milk cappuccino",
  "Likes quiet during treatments", "Loves a chat", "Dislikes loud music",
  "Still water only", "Prefers nude shades", "Likes lavender scent",
  "Tea with lemon, no sugar", "Sensitive to strong smells", "Asks for a blanket — feels the cold",
  "Flat white", "Likes jazz", "Chamomile tea", "Bright colours, likes to experiment",
};

static const char * const client_notes_ru[] = {
  "Приходит с ребёнком, нужен детский стульчик", "Часто опаздывает на 10–15 минут",
  "Просит напоминать о записи накануне", "Работает рядом, удобно в обед",
  "Аллергия на латекс — только нитриловые перчатки", "Боится щекотки",
  "Против фото для соцсетей", "Работает в школе — летом ходит чаще",
  "Приводит дочку Алёну на детскую стрижку", "Сестра — тоже наша клиентка",
  "Платит картой, просит чек на почту", "Предпочитает, чтобы мастер был один и тот же",
  "Чувствительная кожа головы", "Ездит на машине — нужна парковка",
};

static const char * const client_notes_en[] = {
  "Comes with a toddler, needs a high chair", "Often 10–15 minutes late",
  "Wants a reminder the day before", "Works round the corner, lunchtime suits best",
  "Allergic to latex — nitrile gloves only", "Very ticklish",
  "Doesn’t want photos on social media", "Teacher — comes more often in summer",
  "Brings a daughter for kids’ cuts", "Sister is also a client of ours",
  "Pays by card, wants receipts by e-mail", "Always wants the same stylist",
  "Sensitive scalp", "Drives — needs parking",
};

static const char * const medical_ru[] = {
  "Аллергия на латекс", "Чувствительная кожа, склонность к покраснению", "Аллергия на никель",
  "Гипертония — без горячих обёртываний", "Варикоз — без антицеллюлитного массажа",
  "Аллергия на цитрусовые масла", "Непереносимость лидокаина", "Аллергия на пыльцу, весной чихает",
};

static const char * const medical_en[] = {
  "Allergic to latex", "Sensitive skin, flushes easily", "Nickel allergy",
  "High blood pressure — no hot wraps", "Varicose veins — no anti-cellulite massage",
  "Allergic to citrus oils", "Lidocaine intolerance", "Hay fever in spring",
};

static const char * const appt_notes_ru[] = {
  "Запись по телефону", "Просит без разговоров", "Принесёт свой лак",
  "Перенесено с прошлой недели", "Напомнить за день", "Первый визит, по рекомендации",
  "Хочет как на фото в Instagram", "Возможно, опоздает на 10 минут", "Подарочный сертификат",
  "Оплатит картой", "Придут вдвоём", "Тот же оттенок, что в прошлый раз",
};

static const char * const appt_notes_en[] = {
  "Booked by phone", "Prefers not to chat", "Bringing own polish",
  "Moved from last week", "Remind the day before", "First visit, recommended by a friend",
  "Wants the look from an Instagram photo", "May be 10 minutes late", "Gift voucher",
  "Will pay by card", "Coming with a friend, booked back to back", "Same shade as last time",
};

/* "Why?" comments by score band: 1–2, 3, 4, 5. */
static const char * const why_bad_ru[] = {
  "Маникюр отслоился через три дня", "Опоздали на полчаса и даже не извинились",
  "Испортили цвет, пришлось перекрашивать", "Порезали кутикулу до крови",
  "Мастер был груб", "Стрижка совсем не та, о которой договаривались",
  "Грязно в зале, волосы на полу", "Записали и забыли — мастера на месте не оказалось",
  "После чистки лицо раздражено уже неделю", "Очень больно, на просьбы не реагировали",
  "Взяли больше, чем называли по телефону", "Ресницы начали выпадать через несколько дней",
  "Не предупредили о противопоказаниях", "Больше не приду",
  "Испорчено настроение на весь день", "Криво нарисовали дизайн, переделывать отказались",
  "Обожгли кожу при окрашивании",
};

static const char * const why_3_ru[] = {
  "Средне, ожидания были выше", "Покрытие начало отслаиваться через неделю",
  "Стрижка нормальная, но не то, о чём договаривались", "Пришлось ждать 20 минут",
  "Цвет получился темнее, чем договаривались", "Мастер всё время отвлекался на телефон",
  "Дорого для такого результата", "Было больновато, никто не предупредил",
  "Нормально, но без души", "Сделали, но ничего не посоветовали по уходу",
  "Перепутали запись, пришлось ждать другого мастера", "В кабинете было холодно",
  "Форма бровей несимметричная", "Массаж слишком слабый", "Ничего особенного",
};

static const char * const why_4_ru[] = {
  "Всё хорошо, но пришлось немного подождать", "Результат нравится, но дороговато",
  "Хорошо, но в зале было шумно", "В целом хорошо, форма чуть не та",
  "Мастер хороший, администратор могла бы быть приветливее", "Неплохо, но в прошлый раз было лучше",
  "Хорошо, только парковки рядом нет", "Понравилось, но делали долго",
  "Качество хорошее, хотелось бы больше оттенков", "Всё хорошо, но кофе остыл",
  "Хорошо, но запись перенесли на час", "Хорошая работа, немного жарко в кабинете",
  "Мастер приятный, но всё делалось в спешке", "Нормально, один ноготь чуть неровный",
  "Хорошо, но забыли предложить напиток", "Всё аккуратно, но вход найти непросто",
};

static const char * const why_5_ru[] = {
  "Всё отлично, как всегда!", "Спасибо, результат превзошёл ожидания",
  "Лучший мастер в городе", "Очень уютно, угостили вкусным кофе",
  "Маникюр держится отлично, приду ещё", "Рекомендую всем друзьям",
  "Аккуратно, быстро и красиво", "Идеальная стрижка, именно то, что нужно",
  "Приятная атмосфера и музыка", "Мастер — золотые руки!",
  "Всё чисто, инструменты в крафт-пакетах — это важно", "Отдохнуть удалось по-настоящему",
  "Цвет получился даже лучше, чем на фото", "Спасибо за терпение и советы по уходу",
  "Записали в удобное время, ни минуты ожидания", "Массаж — просто сказка",
  "Брови наконец-то такие, как хочется", "Очень внимательное отношение",
  "Хожу не первый год — всегда на высоте", "Всё понравилось. Спасибо, {m}!",
};

static const char * const why_bad_en[] = {
  "Gel peeled off after three days", "Half an hour late and no apology",
  "Ruined my colour, had to get it fixed elsewhere", "Cut my cuticle and it bled",
  "The stylist was rude", "Nothing like the haircut I asked for",
  "Dirty salon, hair all over the floor", "Booked, turned up, and nobody was there",
  "My skin has been irritated for a week after the facial", "Very painful, and my requests were ignored",
  "Charged more than I was quoted on the phone", "Lashes started falling out within days",
  "Nobody mentioned the contraindications", "Won’t be coming back",
  "Ruined my whole day", "Wonky nail art and they refused to redo it",
  "The dye burnt my scalp",
};

static const char * const why_3_en[] = {
  "Average, expected more", "Polish started chipping after a week",
  "The cut is okay, not what I asked for", "Had to wait 20 minutes",
  "The colour came out darker than agreed", "Kept checking the phone during my appointment",
  "Expensive for the result", "It hurt a bit and nobody warned me",
  "Fine, but nothing special", "Done, but no aftercare advice",
  "Booking mix-up, had to wait for another stylist", "The room was cold",
  "Brows aren’t symmetrical", "The massage was too gentle", "Nothing to write home about",
};

static const char * const why_4_en[] = {
  "All good, but I had to wait a little", "Love the result, a bit pricey though",
  "Good, but the salon was noisy", "Happy overall, the shape is slightly off",
  "Great stylist, reception could be friendlier", "Not bad, last time was better",
  "Good, but there’s no parking nearby", "Liked it, but it took a long time",
  "Good quality, would like more shades to choose from", "All fine, but my coffee went cold",
  "Happy, but my appointment was moved by an hour", "Nice work, a bit too warm in the room",
  "Pleasant, but felt a little rushed", "Fine, one nail slightly uneven",
  "Good, but nobody offered me a drink", "Neat work, the entrance was hard to find",
};

static const char * const why_5_en[] = {
  "Perfect as always!", "Really happy with the result, thank you",
  "Best stylist in town", "So cosy, and the coffee was lovely",
  "My nails look amazing and last for weeks", "Recommending you to all my friends",
  "Neat, quick and beautiful", "Exactly the cut I wanted",
  "Lovely atmosphere and music", "Magic hands!",
  "Spotless, sterilised tools — that matters to me", "Came in tired, left feeling brand new",
  "The colour is even better than the photo", "Thanks for the patience and the aftercare tips",
  "Booked at a time that suited me, no waiting at all", "The massage was heavenly",
  "My brows finally look the way I want", "So attentive and kind",
  "Been coming for years and never disappointed", "Loved everything. Thank you, {m}!",
};

static const char * const complaints_ru[] = {
  "Жалоба на качество покрытия, просит переделать бесплатно",
  "Жалоба на стрижку, просит исправить", "Жалоба на опоздание мастера",
  "Просит вернуть деньги за процедуру", "Раздражение после процедуры, просит консультацию",
  "Жалоба на грубость", "Жалоба на ожидание: мастер был занят другим клиентом",
  "Претензия к цвету, просит тонирование за счёт салона",
};

static const char * const complaints_en[] = {
  "Complains about the gel, wants it redone free of charge",
  "Unhappy with the cut, asks for a correction", "Complains the stylist was late",
  "Asks for a refund", "Irritation after the treatment, wants advice",
  "Complains about rudeness", "Complains about waiting: the stylist was with another client",
  "Unhappy with the colour, wants a free toner",
};

/* Calls by outcome: booked, call back, not interested, no answer. */
static const char * const calls_booked_ru[] = {
  "Спросили, как держится покрытие; запись на следующую неделю",
  "Напомнили о визите — запись к своему мастеру",
  "Предложили новую процедуру — решено попробовать",
  "Звонок по списку «пора записаться» — записали",
};
static const char * const calls_call_back_ru[] = {
  "Просьба перезвонить завтра после обеда", "В отъезде, перезвонить через неделю",
  "Сейчас неудобно говорить, перезвонить вечером", "Подумает и перезвонит",
};
static const char * const calls_not_interested_ru[] = {
  "Переезд в другой район", "Сейчас не планирует, спасибо",
  "Ходит в салон рядом с работой", "Не понравилась прошлая процедура",
};
static const char * const calls_no_answer_ru[] = {
  "Нет ответа", "Телефон выключен", "Вызов сброшен", "Занято",
};

static const char * const calls_booked_en[] = {
  "Asked how the gel was holding up; booked for next week",
  "Reminded it’s been a while — booked with the usual stylist",
  "Offered a new treatment, happy to try it",
  "Called from the ‘due’ list, booked",
};
static const char * const calls_call_back_en[] = {
  "Call back tomorrow afternoon", "Away, call back in a week",
  "Busy, call back this evening", "Will think about it and call us",
};
static const char * const calls_not_interested_en[] = {
  "Moved to another part of town", "Not planning anything for now, thanks",
  "Goes to a salon near work now", "Didn’t like the last treatment",
};
static const char * const calls_no_answer_en[] = {
  "No answer", "Phone switched off", "Declined the call", "Line busy",
};

static const char * const tasks_ru[] = {
  "Перезвонить: уточнить время записи", "Перезвонить после отпуска",
  "Напомнить о записи, мастер — {m}", "Поздравить с днём рождения",
  "Спросить, как держится покрытие", "Предложить абонемент на массаж",
};

static const char * const tasks_en[] = {
  "Call back to agree a time", "Call back after the holiday",
  "Reminder about the booking with {m}", "Call with birthday wishes",
  "Ask how the gel is holding up", "Offer a massage package",
};

static const char * const visit_notes_ru[] = {
  "В следующий раз — тот же оттенок", "Оставлен отзыв на Яндекс Картах",
  "Порекомендовали нас знакомым — ждём в гости", "Интерес к абонементу на массаж",
  "Оставлен зонт — хранится у администратора", "Хочет попробовать ламинирование",
  "Подарили пробник крема", "Просьба сообщать о скидках",
};

static const char * const visit_notes_en[] = {
  "Wants the same shade next time", "Left us a review on Google",
  "Recommended us to a friend", "Asked about a massage package",
  "Left an umbrella — kept at reception", "Wants to try a lash lift",
  "Gave a face-cream sample", "Wants to hear about offers",
};

static const char * const tags_ru[] = {
  "VIP", "Аллергия", "Студент", "Постоянный", "Предпочитает утро", "Пенсионер", "Блогер", "Невеста",
};

static const char * const tags_en[] = {
  "VIP", "Allergy", "Student", "Regular", "Prefers mornings", "Pensioner", "Blogger", "Bride",
};

enum { TAG_VIP, TAG_ALLERGY, TAG_STUDENT, TAG_REGULAR, TAG_MORNINGS, TAG_PENSIONER, TAG_BLOGGER, TAG_BRIDE, N_TAGS };

static const char * const tag_colors[N_TAGS] = {
  "#f5c211", "#e01b24", "#3584e4", "#33d17a", "#ff7800", "#986a44", "#9141ac", "#dc8add",
};

static const char * const email_domains_ru[] = {
  "mail.ru", "yandex.ru", "gmail.com", "bk.ru", "inbox.ru", "list.ru", "rambler.ru",
};

static const char * const email_domains_en[] = {
  "gmail.com", "outlook.com", "yahoo.co.uk", "icloud.com", "hotmail.co.uk", "btinternet.com",
};

/* Mobile prefixes after +7. */
static const int mobile_codes_ru[] = {
  903, 905, 906, 909, 910, 911, 912, 913, 914, 915, 916, 917, 918, 919, 920, 921,
  922, 925, 926, 927, 929, 930, 950, 951, 952, 953, 960, 961, 962, 977, 980, 981,
  982, 985, 987, 989, 991, 995, 996, 999,
};

typedef struct {
  const FirstName   *female;
  guint              n_female;
  const FirstName   *male;
  guint              n_male;
  const char * const *surnames;
  guint              n_surnames;
  gboolean           russian;
  const char * const *category_names;
  Pool               sources;
  const char        *referral_source;
  Pool               call_times;
  Pool               preferences;
  Pool               client_notes;
  Pool               medical;
  Pool               appt_notes;
  Pool               why[4];          /* 1–2, 3, 4, 5 */
  Pool               complaints;
  Pool               calls[4];        /* booked, call back, not interested, no answer */
  Pool               tasks;
  Pool               visit_notes;
  const char * const *tags;
  Pool               email_domains;
  const char        *vacation;
  const char        *sick;
  const char        *training;
  const char        *holiday;         /* 1 January */
  const char        *holiday2;        /* 25 December, or NULL */
  int                price_unit;      /* prices round to this many minor units */
} Lang;

static const Lang lang_ru = {
  female_ru, G_N_ELEMENTS (female_ru),
  male_ru, G_N_ELEMENTS (male_ru),
  surnames_ru, G_N_ELEMENTS (surnames_ru),
  TRUE,
  categories_ru,
  POOL (sources_ru), SOURCE_RU_REFERRAL,
  POOL (call_times_ru),
  POOL (preferences_ru),
  POOL (client_notes_ru),
  POOL (medical_ru),
  POOL (appt_notes_ru),
  { POOL (why_bad_ru), POOL (why_3_ru), POOL (why_4_ru), POOL (why_5_ru) },
  POOL (complaints_ru),
  { POOL (calls_booked_ru), POOL (calls_call_back_ru), POOL (calls_not_interested_ru), POOL (calls_no_answer_ru) },
  POOL (tasks_ru),
  POOL (visit_notes_ru),
  tags_ru,
  POOL (email_domains_ru),
  "Отпуск", "Больничный", "Обучение", "Новый год", NULL,
  5000,
};

static const Lang lang_en = {
  female_en, G_N_ELEMENTS (female_en),
  male_en, G_N_ELEMENTS (male_en),
  surnames_en, G_N_ELEMENTS (surnames_en),
  FALSE,
  categories_en,
  POOL (sources_en), SOURCE_EN_REFERRAL,
  POOL (call_times_en),
  POOL (preferences_en),
  POOL (client_notes_en),
  POOL (medical_en),
  POOL (appt_notes_en),
  { POOL (why_bad_en), POOL (why_3_en), POOL (why_4_en), POOL (why_5_en) },
  POOL (complaints_en),
  { POOL (calls_booked_en), POOL (calls_call_back_en), POOL (calls_not_interested_en), POOL (calls_no_answer_en) },
  POOL (tasks_en),
  POOL (visit_notes_en),
  tags_en,
  POOL (email_domains_en),
  "Holiday", "Sick leave", "Training", "New Year’s Day", "Christmas Day",
  50,
};

/* Randomness -------------------------------------------------------------- */

typedef struct {
  guint64 s[4];
} Rng;

static guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static void
rng_seed (Rng     *rng,
          guint64  seed)
{
  for (guint i = 0; i < G_N_ELEMENTS (rng->s); i++)
    rng->s[i] = splitmix64 (&seed);
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

/* xoshiro256** (Blackman and Vigna) */
static guint64
rng_next (Rng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);

  return result;
}

/* 0 ≤ result < n */
static guint
rng_below (Rng   *rng,
           guint  n)
{
  return (guint) (((rng_next (rng) >> 32) * (guint64) n) >> 32);
}

/* lo ≤ result ≤ hi */
static int
rng_range (Rng *rng,
           int  lo,
           int  hi)
{
  return lo + (int) rng_below (rng, (guint) (hi - lo + 1));
}

/* 0 ≤ result < 1 */
static double
rng_double (Rng *rng)
{
  return (double) (rng_next (rng) >> 11) * (1.0 / 9007199254740992.0);
}

static gboolean
rng_chance (Rng    *rng,
            double  p)
{
  return rng_double (rng) < p;
}

static guint
rng_pick_index (Rng        *rng,
                const Pool *pool)
{
  return rng_below (rng, pool->n);
}

static const char *
rng_pick (Rng        *rng,
          const Pool *pool)
{
  return pool->items[rng_below (rng, pool->n)];
}

/* An index by probabilities that add up to 1. */
static guint
rng_choose (Rng          *rng,
            const double *p,
            guint         n)
{
  double x = rng_double (rng);

  for (guint i = 0; i + 1 < n; i++)
    {
      if (x < p[i])
        return i;
      x -= p[i];
    }

  return n - 1;
}

/* The simulation --------------------------------------------------------- */

typedef struct {
  int start;                  /* minutes from local midnight */
  int end;
} Span;

typedef struct {
  gint64      id;
  char       *first_name;
  char       *name;
  char       *phone;
  const char *color;
  guint       categories;     /* bits of CAT_* */
  GArray     *services;       /* of guint: what a new client may book with them */
  guint8     *offers;         /* by service: 1 if they do it */
  double      per_booking;    /* their average booking, minutes */
  Span        spans[8][2];    /* working hours by ISO weekday */
  int         n_spans[8];
  int         quality;        /* −1, 0, +1: how clients rate them */
  gint32      head;           /* clients waiting for this master */
  gint32      tail;
} Master;

typedef struct {
  gint64  id;
  char   *name;
  int     category;
  int     minutes;
  gint64  price;              /* today's price, minor units */
  int     repeat_days;        /* 0: none */
  int     weight;
  int     addon;              /* a service often added, or NONE */
} Service;

enum {
  STATE_IDLE,                 /* not coming (yet), or gone */
  STATE_BUCKET,               /* waiting for a day: to be due, or to be called */
  STATE_QUEUE,                /* due, waiting for a free slot */
};

enum {
  PLAN_VISIT,
  PLAN_CALL,
};

enum {
  LOYALTY_TRIAL,              /* mostly one visit */
  LOYALTY_OCCASIONAL,
  LOYALTY_REGULAR,
  LOYALTY_DEVOTED,
  N_LOYALTY
};

typedef struct {
  gint64  id;
  gint64  created_at;         /* when their first booking was made; 0: none */
  gint64  last_end;           /* end of their latest appointment; 0: none */
  gint64  spent;              /* done visits */
  gint32  link;               /* next in a bucket or a queue */
  gint32  since;              /* the day they started waiting */
  gint32  referrer;           /* client index, or NONE */
  gint32  first_day;
  guint16 master;             /* preferred */
  guint16 service;            /* main service */
  guint16 interval;           /* personal rhythm in days */
  guint16 visits;
  guint8  loyalty;
  guint8  state;
  guint8  plan;
} Client;

typedef struct {
  gint64  id;
  gint64  starts_at;
  gint64  created_at;
  gint64  updated_at;
  gint32  client;
  guint16 master;
  guint16 minutes;
  guint16 service[2];
  guint16 service_minutes[2];
  gint32  price[2];
  gint16  note;               /* index into the language's appt_notes, or NONE */
  guint8  status;             /* RgAppointmentStatus */
  guint8  n_services;
} Appt;

typedef struct {
  gint64  rated_at;
  gint32  appt;
  gint8   score;
  gint8   nps;                /* −1: not asked */
  gint16  why;                /* index into the band's pool, or NONE */
} Rating;

enum {
  OUTCOME_NONE,
  OUTCOME_BOOKED,
  OUTCOME_CALL_BACK,
  OUTCOME_NOT_INTERESTED,
  OUTCOME_NO_ANSWER,
  OUTCOME_OPEN,
  OUTCOME_RESOLVED,
  OUTCOME_ESCALATED,
};

static const char * const outcome_nicks[] = {
  NULL, "booked", "call_back", "not_interested", "no_answer", "open", "resolved", "escalated",
};

static const char * const status_nicks[] = {
  [RG_APPOINTMENT_BOOKED] = "booked",
  [RG_APPOINTMENT_CONFIRMED] = "confirmed",
  [RG_APPOINTMENT_ARRIVED] = "arrived",
  [RG_APPOINTMENT_DONE] = "done",
  [RG_APPOINTMENT_CANCELLED] = "cancelled",
  [RG_APPOINTMENT_NO_SHOW] = "no_show",
};

static const char * const kind_nicks[] = {
  [RG_INTERACTION_CALL] = "call",
  [RG_INTERACTION_NOTE] = "note",
  [RG_INTERACTION_COMPLAINT] = "complaint",
  [RG_INTERACTION_TASK] = "task",
  [RG_INTERACTION_GIFT] = "gift",
  [RG_INTERACTION_MESSAGE] = "message",
  [RG_INTERACTION_SYSTEM] = "system",
};

typedef struct {
  gint64      occurred_at;
  gint64      due_at;         /* 0: NULL */
  gint64      done_at;        /* 0: NULL */
  gint32      client;
  gint32      appt;           /* NONE: NULL */
  gint32      master;         /* NONE: NULL */
  const char *body;           /* from a pool; "{m}" is the master's first name */
  guint8      kind;           /* RgInteractionKind */
  guint8      outcome;
} Interaction;

enum {
  OFF_WORKS,
  OFF_VACATION,
  OFF_SICK,
  OFF_TRAINING,
  OFF_HOLIDAY,
  OFF_HOLIDAY2,
};

/* One slot of a master's day while it is being planned. */
typedef struct {
  gint32  client;             /* NONE: a new client */
  guint16 service[2];
  guint16 minutes[2];
  guint8  n_services;
  guint8  from_master_queue;
  int     total;
  int     start;
} Booking;

typedef struct {
  const RgGeneratorOptions *options;
  const Lang  *lang;
  Rng          rng;
  guint64      id_offset;
  guint64      id_mask;
  guint64      id_count;
  GTimeZone   *tz;
  gint64       now;

  guint        n_days;        /* history, today and the future */
  guint        today;
  guint32      first_julian;
  gint64      *day_base;      /* n_days + 8: UTC seconds of each day's local 00:00
                               * as seen from its noon, so right after any DST night */
  guint8      *weekday;       /* ISO */

  Master      *masters;
  guint        n_masters;
  guint8      *off;           /* [master * n_days + day]: an OFF_* reason */
  Service     *services;
  guint        n_services;
  gint64       staff_created_at;
  int          level;         /* how busy: 0 part-time masters … 2 long shifts */

  GArray      *clients;       /* of Client */
  GArray      *appts;         /* of Appt */
  GArray      *ratings;       /* of Rating */
  GArray      *interactions;  /* of Interaction */

  gint32      *buckets;       /* per day: clients to be due or called that day */
  gint32       cat_head[N_CATEGORIES];
  gint32       cat_tail[N_CATEGORIES];
  guint        n_waiting;

  guint        target_new;    /* clients to arrive after the first day's base */
  guint        n_new;
  double       new_budget;    /* new clients owed to the calendar */
  double       new_first;     /* how often a new client gets the next slot */
  double       churn_scale;   /* the knob that keeps the calendar filled */
  double       fill;          /* recent share of working time booked */
  double       per_day;       /* recent bookings per day */
  guint64      open_minutes;
  guint64      booked_minutes;
  guint        complaints;
} Gen;

#define CLIENT(g, i) (&g_array_index ((g)->clients, Client, (i)))
#define APPT(g, i)   (&g_array_index ((g)->appts, Appt, (i)))

/* Primary keys: a keyed permutation of 63-bit integers applied to a
 * counter, so they look random, depend on the seed, and never repeat. */
#define MASK63 G_GUINT64_CONSTANT (0x7fffffffffffffff)

static gint64
gen_new_id (Gen *g)
{
  for (;;)
    {
      guint64 x = (g->id_offset + g->id_count++) & MASK63;

      x ^= x >> 29;
      x = (x * G_GUINT64_CONSTANT (0x3c79ac492ba7b653)) & MASK63;
      x ^= x >> 32;
      x = (x * G_GUINT64_CONSTANT (0x1c69b3f74ac4ae35)) & MASK63;
      x ^= x >> 29;
      x ^= g->id_mask;

      if (x != 0)
        return (gint64) x;
    }
}

static gint64
gen_time (Gen *g,
          guint day,
          int   minute)
{
  return g->day_base[day] + (gint64) minute * 60;
}

static void
gen_format_day (Gen   *g,
                guint  day,
                char   buf[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, g->first_julian + day);
  g_snprintf (buf, 11, "%04d-%02d-%02d",
              g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
}

/* A price the way it was at @when: a few percent a year cheaper in the past,
 * rounded the way a price list is. */
static gint32
gen_price_at (Gen    *g,
              guint   service,
              gint64  when)
{
  double years = (double) (g->now - when) / SECONDS_PER_YEAR;
  double factor = MAX (0.35, 1.0 - 0.06 * MAX (0.0, years));
  gint64 unit = g->lang->price_unit;
  gint64 price = (gint64) (g->services[service].price * factor / unit + 0.5) * unit;

  return (gint32) MAX (unit, price);
}

static gboolean
gen_setup_days (Gen     *g,
                GError **error)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (g->now);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_timezone (utc, g->tz) : NULL;
  GDate today, start;

  if (local == NULL)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("The date to generate the studio for is out of range."));
      return FALSE;
    }

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
  start = today;
  g_date_subtract_years (&start, g->options->years);

  g->first_julian = g_date_get_julian (&start);
  g->today = g_date_days_between (&start, &today);
  g->n_days = g->today + 1 + g->options->future_days;
  g->day_base = g_new0 (gint64, g->n_days + 8);
  g->weekday = g_new0 (guint8, g->n_days + 8);

  for (guint d = 0; d < g->n_days + 8; d++)
    {
      g_autoptr(GDateTime) noon = NULL;
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, g->first_julian + d);
      noon = g_date_time_new (g->tz, g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 12, 0, 0);
      if (noon == NULL)
        {
          g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                               _("The date to generate the studio for is out of range."));
          return FALSE;
        }
      g->day_base[d] = g_date_time_to_unix (noon) - 12 * 3600;
      g->weekday[d] = g_date_get_weekday (&date);
    }

  return TRUE;
}

/* People ----------------------------------------------------------------- */

/* Russian surnames agree with gender: Иванов → Иванова, Вишневский → Вишневская. */
static char *
surname_for (const Lang *lang,
             const char *surname,
             gboolean    female)
{
  if (!lang->russian || !female)
    return g_strdup (surname);

  if (g_str_has_suffix (surname, "ский") || g_str_has_suffix (surname, "цкий"))
    {
      gsize len = strlen (surname) - strlen ("ий");
      return g_strdup_printf ("%.*sая", (int) len, surname);
    }

  if (g_str_has_suffix (surname, "ов") || g_str_has_suffix (surname, "ев") ||
      g_str_has_suffix (surname, "ёв") || g_str_has_suffix (surname, "ин") ||
      g_str_has_suffix (surname, "ын"))
    return g_strconcat (surname, "а", NULL);

  return g_strdup (surname);
}

/* Latin letters for an e-mail address. */
static void
append_latin (GString    *out,
              const char *text)
{
  static const char * const cyrillic[32] = {
    "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
  };

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));

      if (c >= 0x430 && c <= 0x44f)
        g_string_append (out, cyrillic[c - 0x430]);
      else if (c == 0x451)
        g_string_append (out, "e");
      else if (c < 0x80 && g_ascii_isalnum ((char) c))
        g_string_append_c (out, g_ascii_tolower ((char) c));
    }
}

/* A mobile number that no other person in the studio has: @index goes
 * through a bijection of the numbering plan, then is written the way
 * people type numbers. */
static char *
gen_phone (Gen   *g,
           Rng   *rng,
           guint  index)
{
  if (g->lang->russian)
    {
      const guint64 span = G_N_ELEMENTS (mobile_codes_ru) * G_GUINT64_CONSTANT (10000000);
      guint64 x = ((guint64) index * 1000003 + g->id_offset % span) % span;
      int code = mobile_codes_ru[x / 10000000];
      int rest = (int) (x % 10000000);
      int a = rest / 10000, b = rest / 100 % 100, c = rest % 100;
      static const double formats[] = { 0.50, 0.18, 0.12, 0.10, 0.05, 0.05 };

      switch (rng_choose (rng, formats, G_N_ELEMENTS (formats)))
        {
        case 0: return g_strdup_printf ("+7 %03d %03d-%02d-%02d", code, a, b, c);
        case 1: return g_strdup_printf ("8 (%03d) %03d-%02d-%02d", code, a, b, c);
        case 2: return g_strdup_printf ("8%03d%07d", code, rest);
        case 3: return g_strdup_printf ("+7%03d%07d", code, rest);
        case 4: return g_strdup_printf ("8 %03d %03d %02d %02d", code, a, b, c);
        default: return g_strdup_printf ("+7 (%03d) %03d-%02d-%02d", code, a, b, c);
        }
    }
  else
    {
      const guint64 span = G_GUINT64_CONSTANT (600000000);
      guint64 x = ((guint64) index * 1000003 + g->id_offset % span) % span;
      int head = 7400 + (int) (x / 1000000);   /* 7400–7999 */
      int rest = (int) (x % 1000000);
      static const double formats[] = { 0.45, 0.30, 0.15, 0.10 };

      switch (rng_choose (rng, formats, G_N_ELEMENTS (formats)))
        {
        case 0: return g_strdup_printf ("0%04d %06d", head, rest);
        case 1: return g_strdup_printf ("+44 %04d %06d", head, rest);
        case 2: return g_strdup_printf ("0%04d %03d %03d", head, rest / 1000, rest % 1000);
        default: return g_strdup_printf ("+44%04d%06d", head, rest);
        }
    }
}

/* Services and staff ----------------------------------------------------- */

static void
gen_setup_services (Gen *g)
{
  g->services = g_new0 (Service, g->n_services);

  for (guint i = 0; i < g->n_services; i++)
    {
      const ServiceDef *def = &service_defs[i % DEFAULT_SERVICES];
      guint round = i / DEFAULT_SERVICES;
      Service *s = &g->services[i];
      const char *name = g->lang->russian ? def->name_ru : def->name_en;
      guint addon = round * DEFAULT_SERVICES + (guint) def->addon;

      s->id = gen_new_id (g);
      s->name = round == 0 ? g_strdup (name) : g_strdup_printf ("%s %u", name, round + 1);
      s->category = def->category;
      s->minutes = def->minutes;
      s->price = g->lang->russian ? (gint64) def->price_ru * 100 : def->price_en;
      s->repeat_days = def->repeat_days;
      s->weight = def->weight;
      s->addon = def->addon != NONE && addon < g->n_services ? (int) addon : NONE;
    }
}

static void
gen_master_add_services (Gen    *g,
                         Master *master)
{
  double minutes = 0;
  int weights = 0;

  if (master->categories & BARBER)
    {
      static const guint cuts[] = { SERVICE_MENS_HAIRCUT, SERVICE_KIDS_HAIRCUT };

      master->categories = 1u << CAT_HAIR;
      for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
        if (cuts[i] < g->n_services)
          g_array_append_val (master->services, cuts[i]);
    }

  if (master->services->len == 0)
    for (guint s = 0; s < g->n_services; s++)
      if (g->services[s].weight > 0 && (master->categories & (1u << g->services[s].category)))
        g_array_append_val (master->services, s);

  if (master->services->len == 0)
    for (guint s = 0; s < g->n_services; s++)
      {
        master->categories |= 1u << g->services[s].category;
        if (g->services[s].weight > 0 || s + 1 == g->n_services)
          g_array_append_val (master->services, s);
      }

  master->offers = g_new0 (guint8, g->n_services);
  for (guint i = 0; i < master->services->len; i++)
    {
      guint s = g_array_index (master->services, guint, i);

      master->offers[s] = 1;
      minutes += (double) g->services[s].minutes * MAX (1, g->services[s].weight);
      weights += MAX (1, g->services[s].weight);
    }
  master->per_booking = minutes / weights;
}

static char *
gen_pick_staff_name (Gen       *g,
                     gboolean   female,
                     gboolean  *used_female,
                     gboolean  *used_male,
                     char     **first_name)
{
  const FirstName *names = female ? g->lang->female : g->lang->male;
  guint n = female ? g->lang->n_female : g->lang->n_male;
  gboolean *used = female ? used_female : used_male;
  guint i = rng_below (&g->rng, n);
  g_autofree char *surname = NULL;

  for (guint k = 0; k < n && used[i]; k++)
    i = (i + 1) % n;
  used[i] = TRUE;

  surname = surname_for (g->lang, g->lang->surnames[rng_below (&g->rng, g->lang->n_surnames)], female);
  *first_name = g_strdup (names[i].name);
  return g_strdup_printf ("%s %s", names[i].name, surname);
}

static void
gen_set_hours (Gen    *g,
               Master *master,
               int     level)
{
  static const Span shifts[3][3][2] = {
    { { { 600, 1200 } }, { { 540, 780 }, { 840, 1080 } }, { { 660, 1200 } } },  /* part-time studio */
    { { { 600, 1200 } }, { { 540, 1140 } }, { { 660, 1260 } } },
    { { { 540, 1260 } }, { { 600, 1320 } }, { { 540, 840 }, { 870, 1290 } } },  /* busy studio */
  };
  guint shift = rng_below (&g->rng, 3);
  int n_off, first, step;
  gboolean off[8] = { FALSE };
  gboolean short_sunday = level < 2 && rng_chance (&g->rng, 0.4);

  switch (level)
    {
    case 0: n_off = rng_chance (&g->rng, 0.7) ? 3 : 2; break;
    case 1: n_off = 2; break;
    default: n_off = rng_chance (&g->rng, 0.95) ? 1 : 2; break;
    }

  first = rng_range (&g->rng, 1, 7);
  step = rng_chance (&g->rng, 0.6) ? 1 : 3;
  for (int k = 0; k < n_off; k++)
    off[(first - 1 + k * step) % 7 + 1] = TRUE;

  for (int wd = 1; wd <= 7; wd++)
    {
      master->n_spans[wd] = 0;
      if (off[wd])
        continue;

      if (wd == 7 && short_sunday)
        {
          master->spans[wd][0] = (Span) { 660, 1080 };
          master->n_spans[wd] = 1;
          continue;
        }

      for (int s = 0; s < 2; s++)
        if (shifts[level][shift][s].end > 0)
          master->spans[wd][master->n_spans[wd]++] = shifts[level][shift][s];
    }
}

static void
gen_mark_off (Gen   *g,
              guint  m,
              guint  first,
              guint  n,
              guint8 reason)
{
  for (guint d = first; d < first + n && d < g->n_days; d++)
    if (g->off[m * g->n_days + d] == OFF_WORKS)
      g->off[m * g->n_days + d] = reason;
}

static void
gen_setup_days_off (Gen *g)
{
  g->off = g_new0 (guint8, (gsize) g->n_masters * g->n_days);

  for (guint m = 0; m < g->n_masters; m++)
    for (guint year = 0; year < g->n_days; year += 365)
      {
        guint sick = rng_below (&g->rng, 3);

        gen_mark_off (g, m, year + rng_below (&g->rng, 351), rng_range (&g->rng, 7, 14), OFF_VACATION);
        for (guint k = 0; k < sick; k++)
          gen_mark_off (g, m, year + rng_below (&g->rng, 365), rng_range (&g->rng, 1, 4), OFF_SICK);
        if (rng_chance (&g->rng, 0.3))
          gen_mark_off (g, m, year + rng_below (&g->rng, 365), 1, OFF_TRAINING);
      }

  for (guint d = 0; d < g->n_days; d++)
    {
      GDate date;
      guint8 reason = OFF_WORKS;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, g->first_julian + d);
      if (g_date_get_month (&date) == G_DATE_JANUARY && g_date_get_day (&date) == 1)
        reason = OFF_HOLIDAY;
      else if (g->lang->holiday2 && g_date_get_month (&date) == G_DATE_DECEMBER &&
               g_date_get_day (&date) == 25)
        reason = OFF_HOLIDAY2;

      if (reason != OFF_WORKS)
        for (guint m = 0; m < g->n_masters; m++)
          g->off[m * g->n_days + d] = reason;
    }
}

static void
gen_setup_staff (Gen *g)
{
  g_autofree gboolean *used_female = g_new0 (gboolean, g->lang->n_female);
  g_autofree gboolean *used_male = g_new0 (gboolean, g->lang->n_male);
  double per_master_year = (double) g->options->n_clients / (g->n_masters * MAX (1u, g->options->years));
  int level = per_master_year >= 250 ? 2 : per_master_year >= 150 ? 1 : 0;

  g->level = level;

  g->masters = g_new0 (Master, g->n_masters);

  for (guint m = 0; m < g->n_masters; m++)
    {
      Master *master = &g->masters[m];
      double p_male;

      master->id = gen_new_id (g);
      master->categories = master_categories[m % G_N_ELEMENTS (master_categories)];
      master->services = g_array_new (FALSE, FALSE, sizeof (guint));
      gen_master_add_services (g, master);

      p_male = master->categories & BARBER ? 0.6
             : master->categories & (1u << CAT_MASSAGE) ? 0.5
             : master->categories & (1u << CAT_HAIR) ? 0.25
             : 0.03;
      master->name = gen_pick_staff_name (g, !rng_chance (&g->rng, p_male),
                                          used_female, used_male, &master->first_name);
      master->color = palette[m % G_N_ELEMENTS (palette)];
      master->phone = rng_chance (&g->rng, 0.8) ? gen_phone (g, &g->rng, MAX_CLIENTS + m) : NULL;
      master->head = master->tail = NONE;
      master->quality = rng_chance (&g->rng, 0.1) ? -1 : rng_chance (&g->rng, 0.15) ? 1 : 0;
      gen_set_hours (g, master, level);
    }

  /* Somebody is the studio's weak spot, so the satisfaction panel has a story. */
  if (g->n_masters >= 3)
    {
      guint weak = rng_below (&g->rng, g->n_masters);

      g->masters[weak].quality = -1;
      g->masters[(weak + 1 + rng_below (&g->rng, g->n_masters - 1)) % g->n_masters].quality = 1;
    }

  gen_setup_days_off (g);
}

static guint
gen_pick_service (Gen    *g,
                  Master *master)
{
  int total = 0, x;

  for (guint i = 0; i < master->services->len; i++)
    total += g->services[g_array_index (master->services, guint, i)].weight;

  if (total <= 0)
    return g_array_index (master->services, guint, rng_below (&g->rng, master->services->len));

  x = (int) rng_below (&g->rng, (guint) total);
  for (guint i = 0; i < master->services->len; i++)
    {
      guint s = g_array_index (master->services, guint, i);

      x -= g->services[s].weight;
      if (x < 0)
        return s;
    }

  return g_array_index (master->services, guint, 0);
}

/* Clients ---------------------------------------------------------------- */

static guint32
gen_new_client (Gen      *g,
                guint     m,
                guint     d,
                guint     service,
                gboolean  initial)
{
  static const double mix_new[N_LOYALTY] = { 0.36, 0.27, 0.27, 0.10 };
  static const double mix_initial[N_LOYALTY] = { 0.05, 0.25, 0.48, 0.22 };
  const Service *s = &g->services[service];
  double base = s->repeat_days > 0 ? s->repeat_days : 45;
  double interval;
  Client cl = { 0 };

  cl.id = gen_new_id (g);
  cl.link = NONE;
  cl.referrer = NONE;
  cl.first_day = (gint32) d;
  cl.master = (guint16) m;
  cl.service = (guint16) service;
  cl.loyalty = (guint8) rng_choose (&g->rng, initial ? mix_initial : mix_new, N_LOYALTY);

  interval = base * (0.8 + 0.7 * rng_double (&g->rng));
  if (cl.loyalty == LOYALTY_DEVOTED)
    interval *= 0.85;
  cl.interval = (guint16) CLAMP (interval, 7, 365);

  if (!initial && g->clients->len > 50 && rng_chance (&g->rng, 0.09))
    for (int tries = 0; tries < 4 && cl.referrer == NONE; tries++)
      {
        guint r = rng_below (&g->rng, g->clients->len);

        if (CLIENT (g, r)->visits > 0)
          cl.referrer = (gint32) r;
      }

  g_array_append_val (g->clients, cl);
  return g->clients->len - 1;
}

static void
bucket_push (Gen     *g,
             guint32  c,
             guint    day,
             int      plan)
{
  Client *cl = CLIENT (g, c);

  if (day >= g->n_days)
    {
      cl->state = STATE_IDLE;
      return;
    }

  cl->state = STATE_BUCKET;
  cl->plan = (guint8) plan;
  cl->link = g->buckets[day];
  g->buckets[day] = (gint32) c;
}

static void
queue_push (Gen     *g,
            gint32  *head,
            gint32  *tail,
            guint32  c,
            gboolean front)
{
  Client *cl = CLIENT (g, c);

  cl->state = STATE_QUEUE;
  g->n_waiting++;

  if (*head == NONE)
    {
      cl->link = NONE;
      *head = *tail = (gint32) c;
    }
  else if (front)
    {
      cl->link = *head;
      *head = (gint32) c;
    }
  else
    {
      cl->link = NONE;
      CLIENT (g, *tail)->link = (gint32) c;
      *tail = (gint32) c;
    }
}

static gint32
queue_pop (Gen    *g,
           gint32 *head,
           gint32 *tail)
{
  gint32 c = *head;

  if (c == NONE)
    return NONE;

  *head = CLIENT (g, c)->link;
  if (*head == NONE)
    *tail = NONE;
  CLIENT (g, c)->link = NONE;
  CLIENT (g, c)->state = STATE_IDLE;
  g->n_waiting--;

  return c;
}

static void
gen_enqueue (Gen     *g,
             guint32  c,
             guint    d,
             gboolean front,
             gboolean to_master)
{
  Client *cl = CLIENT (g, c);
  Master *master = &g->masters[cl->master];
  int category = g->services[cl->service].category;

  if (!front)
    cl->since = (gint32) d;

  if (to_master && master->offers[cl->service])
    {
      queue_push (g, &master->head, &master->tail, c, front);
    }
  else
    {
      queue_push (g, &g->cat_head[category], &g->cat_tail[category], c, front);
    }
}

/* A client stops coming. Some are called later (the call list), a few come
 * back by themselves after a long sleep. */
static void
gen_gone (Gen     *g,
          guint32  c,
          guint    d)
{
  Client *cl = CLIENT (g, c);

  cl->state = STATE_IDLE;
  if (rng_chance (&g->rng, 0.1))
    bucket_push (g, c, d + (guint) rng_range (&g->rng, 150, 600), PLAN_VISIT);
  else if (rng_chance (&g->rng, 0.3))
    bucket_push (g, c, d + (guint) (cl->interval * (1.3 + 1.2 * rng_double (&g->rng))), PLAN_CALL);
}

/* Clients waiting too long for their master try anybody; waiting too long
 * for anybody, some give up. */
static void
gen_age_queues (Gen   *g,
                guint  d)
{
  for (guint m = 0; m < g->n_masters; m++)
    {
      Master *master = &g->masters[m];

      while (master->head != NONE && d - (guint) CLIENT (g, master->head)->since > 7)
        {
          guint32 c = (guint32) queue_pop (g, &master->head, &master->tail);

          gen_enqueue (g, c, d, FALSE, FALSE);
        }
    }

  for (int cat = 0; cat < N_CATEGORIES; cat++)
    while (g->cat_head[cat] != NONE && d - (guint) CLIENT (g, g->cat_head[cat])->since > 21)
      {
        guint32 c = (guint32) queue_pop (g, &g->cat_head[cat], &g->cat_tail[cat]);

        if (CLIENT (g, c)->visits > 0 && rng_chance (&g->rng, 0.5))
          gen_gone (g, c, d);
        else
          bucket_push (g, c, d + (guint) rng_range (&g->rng, 7, 30), PLAN_VISIT);
      }
}

static gint32
gen_pop_waiting (Gen    *g,
                 guint   m,
                 guint8 *from_master)
{
  Master *master = &g->masters[m];
  guint start = rng_below (&g->rng, N_CATEGORIES);

  if (master->head != NONE)
    {
      *from_master = 1;
      return queue_pop (g, &master->head, &master->tail);
    }

  *from_master = 0;
  for (guint k = 0; k < N_CATEGORIES; k++)
    {
      guint cat = (start + k) % N_CATEGORIES;
      gint32 prev = NONE;
      gint32 c = g->cat_head[cat];

      if (!(master->categories & (1u << cat)))
        continue;

      /* The first few in line whose service this master does. */
      for (int scanned = 0; c != NONE && scanned < 16; scanned++)
        {
          Client *cl = CLIENT (g, c);

          if (master->offers[cl->service])
            {
              if (prev == NONE)
                return queue_pop (g, &g->cat_head[cat], &g->cat_tail[cat]);

              CLIENT (g, prev)->link = cl->link;
              if (g->cat_tail[cat] == c)
                g->cat_tail[cat] = prev;
              cl->link = NONE;
              cl->state = STATE_IDLE;
              g->n_waiting--;
              return c;
            }

          prev = c;
          c = cl->link;
        }
    }

  return NONE;
}

/* Interactions ----------------------------------------------------------- */

static void
gen_add_interaction (Gen        *g,
                     guint8      kind,
                     guint32     c,
                     gint32      appt,
                     gint32      master,
                     const char *body,
                     guint8      outcome,
                     gint64      occurred_at,
                     gint64      due_at,
                     gint64      done_at)
{
  Interaction it;

  it.occurred_at = occurred_at;
  it.due_at = due_at;
  it.done_at = done_at;
  it.client = (gint32) c;
  it.appt = appt;
  it.master = master;
  it.body = body;
  it.kind = kind;
  it.outcome = outcome;
  g_array_append_val (g->interactions, it);
}

/* A call from the studio to a client who has not come back. */
static void
gen_call (Gen     *g,
          guint32  c,
          guint    d)
{
  static const double outcomes[] = { 0.30, 0.20, 0.20, 0.30 };
  Client *cl = CLIENT (g, c);
  gint64 at = gen_time (g, d, rng_range (&g->rng, 10 * 60, 19 * 60));
  gint32 staff = rng_chance (&g->rng, 0.5) ? cl->master : NONE;
  guint which;

  cl->state = STATE_IDLE;
  if (d > g->today)
    return;
  if (at > g->now)
    at = g->now - rng_range (&g->rng, 5, 120) * 60;

  which = rng_choose (&g->rng, outcomes, G_N_ELEMENTS (outcomes));
  gen_add_interaction (g, RG_INTERACTION_CALL, c, NONE, staff,
                       rng_pick (&g->rng, &g->lang->calls[which]), (guint8) (OUTCOME_BOOKED + which),
                       at, 0, 0);

  switch (OUTCOME_BOOKED + which)
    {
    case OUTCOME_BOOKED:
      bucket_push (g, c, d + (guint) rng_range (&g->rng, 1, 7), PLAN_VISIT);
      break;

    case OUTCOME_CALL_BACK:
      {
        guint later = (guint) rng_range (&g->rng, 1, 4);
        gint64 due = gen_time (g, d + later, rng_range (&g->rng, 11 * 4, 18 * 4) * 15);
        gint64 done = due + rng_range (&g->rng, 0, 180) * 60;

        gen_add_interaction (g, RG_INTERACTION_TASK, c, NONE, staff,
                             g->lang->tasks.items[rng_below (&g->rng, 2)], OUTCOME_NONE,
                             at, due, done <= g->now ? done : 0);
        if (rng_chance (&g->rng, 0.5))
          bucket_push (g, c, d + later + (guint) rng_range (&g->rng, 0, 5), PLAN_VISIT);
      }
      break;

    case OUTCOME_NO_ANSWER:
      if (rng_chance (&g->rng, 0.4))
        bucket_push (g, c, d + (guint) rng_range (&g->rng, 2, 7), PLAN_CALL);
      break;

    default:
      break;
    }
}

/* Ratings ---------------------------------------------------------------- */

static int
gen_draw_score (Gen *g,
                int  quality)
{
  static const double scores[3][5] = {
    { 0.06, 0.07, 0.12, 0.30, 0.45 },   /* 1..5, a weaker master */
    { 0.03, 0.035, 0.075, 0.25, 0.61 },
    { 0.01, 0.02, 0.05, 0.22, 0.70 },
  };

  return 1 + (int) rng_choose (&g->rng, scores[quality + 1], 5);
}

static int
gen_draw_nps (Gen *g,
              int  score)
{
  switch (score)
    {
    case 5: return rng_chance (&g->rng, 0.9) ? rng_range (&g->rng, 9, 10) : rng_range (&g->rng, 7, 8);
    case 4: return rng_chance (&g->rng, 0.3) ? rng_range (&g->rng, 9, 10) : rng_range (&g->rng, 6, 8);
    case 3: return rng_range (&g->rng, 4, 7);
    case 2: return rng_range (&g->rng, 1, 5);
    default: return rng_range (&g->rng, 0, 3);
    }
}

/* Returns the score, 0 if the client did not rate the visit. */
static int
gen_rate (Gen    *g,
          guint   appt,
          gint64  ends)
{
  const Appt *a = APPT (g, appt);
  static const double delays[] = { 0.6, 0.3, 0.1 };
  Rating r;
  gint64 at;
  int score;

  if (!rng_chance (&g->rng, 0.3))
    return 0;

  score = gen_draw_score (g, g->masters[a->master].quality);
  switch (rng_choose (&g->rng, delays, G_N_ELEMENTS (delays)))
    {
    case 0: at = ends + rng_range (&g->rng, 10, 120) * 60; break;
    case 1: at = ends + rng_range (&g->rng, 120, 30 * 60) * 60; break;
    default: at = ends + rng_range (&g->rng, 30 * 60, 72 * 60) * 60; break;
    }

  r.rated_at = at;
  r.appt = (gint32) appt;
  r.score = (gint8) score;
  r.nps = (gint8) (rng_chance (&g->rng, 0.5) ? gen_draw_nps (g, score) : -1);
  r.why = NONE;
  if (rng_chance (&g->rng, score <= 2 ? 0.75 : 0.4))
    {
      int band = score <= 2 ? 0 : score - 2;

      r.why = (gint16) rng_pick_index (&g->rng, &g->lang->why[band]);
    }

  if (at > g->now)
    return score;   /* not rated yet; the client's mood still counts */

  g_array_append_val (g->ratings, r);

  if (score <= 2 && rng_chance (&g->rng, score == 1 ? 0.35 : 0.15))
    {
      gint64 occurred = at + rng_range (&g->rng, 30, 24 * 60) * 60;
      gboolean old = occurred < g->now - 30 * SECONDS_PER_DAY;
      guint8 outcome;
      gint64 done = 0;
      const char *body;

      if (occurred > g->now)
        occurred = at;

      if (old)
        outcome = rng_chance (&g->rng, 0.8) ? OUTCOME_RESOLVED : OUTCOME_ESCALATED;
      else
        outcome = rng_chance (&g->rng, 0.5) ? OUTCOME_OPEN
                : rng_chance (&g->rng, 0.7) ? OUTCOME_RESOLVED : OUTCOME_ESCALATED;

      if (outcome == OUTCOME_RESOLVED)
        {
          done = occurred + rng_range (&g->rng, 2, 7 * 24) * 3600;
          if (done > g->now)
            {
              outcome = OUTCOME_OPEN;
              done = 0;
            }
        }

      body = r.why != NONE && rng_chance (&g->rng, 0.6)
           ? g->lang->why[0].items[r.why]
           : rng_pick (&g->rng, &g->lang->complaints);
      gen_add_interaction (g, RG_INTERACTION_COMPLAINT, (guint32) a->client, (gint32) appt,
                           a->master, body, outcome, occurred, 0, done);
      g->complaints++;
    }

  return score;
}

/* What a client does after an appointment. */
static void
gen_after_appointment (Gen   *g,
                       guint  appt,
                       guint  d)
{
  static const double churn[N_LOYALTY] = { 0.8, 0.3, 0.05, 0.012 };
  Appt *a = APPT (g, appt);
  guint32 c = (guint32) a->client;
  Client *cl = CLIENT (g, c);
  gint64 ends = a->starts_at + (gint64) a->minutes * 60;
  double factor = 1.0, p;
  int score = 0;

  if (a->status == RG_APPOINTMENT_CANCELLED)
    {
      bucket_push (g, c, d + (guint) rng_range (&g->rng, 2, 12), PLAN_VISIT);
      return;
    }

  cl->last_end = ends;

  if (a->status == RG_APPOINTMENT_NO_SHOW)
    {
      if (rng_chance (&g->rng, 0.5))
        {
          bucket_push (g, c, d + (guint) rng_range (&g->rng, 3, 14), PLAN_VISIT);
          return;
        }
      factor = 1.5;
    }
  else
    {
      cl->visits++;
      if (cl->loyalty == LOYALTY_TRIAL && cl->visits >= 2)
        cl->loyalty = LOYALTY_OCCASIONAL;
    }

  if (a->status == RG_APPOINTMENT_DONE)
    {
      cl->spent += a->price[0] + (a->n_services > 1 ? a->price[1] : 0);
      score = gen_rate (g, appt, ends);
      a = APPT (g, appt);

      if (rng_chance (&g->rng, 0.012) && ends + 600 <= g->now)
        gen_add_interaction (g, RG_INTERACTION_NOTE, c, (gint32) appt, a->master,
                             rng_pick (&g->rng, &g->lang->visit_notes), OUTCOME_NONE,
                             ends + rng_range (&g->rng, 1, 10) * 60, 0, 0);
    }

  if (score == 1)
    factor *= 5;
  else if (score == 2)
    factor *= 3;
  else if (score == 3)
    factor *= 1.5;

  p = churn[cl->loyalty] * factor * (cl->loyalty == LOYALTY_TRIAL ? 1.0 : g->churn_scale);
  if (rng_chance (&g->rng, MIN (p, 0.97)))
    gen_gone (g, c, d);
  else
    bucket_push (g, c, d + (guint) (cl->interval * (0.8 + 0.45 * rng_double (&g->rng)) + 0.5),
                 PLAN_VISIT);
}

/* The calendar ------------------------------------------------------------ */

static void
gen_choose_services (Gen     *g,
                     guint    m,
                     gint32   c,
                     Booking *b)
{
  Master *master = &g->masters[m];
  guint main;
  int addon;

  if (c == NONE || rng_chance (&g->rng, 0.08))
    main = gen_pick_service (g, master);
  else
    main = CLIENT (g, c)->service;

  b->service[0] = (guint16) main;
  b->minutes[0] = (guint16) (g->services[main].minutes + (rng_chance (&g->rng, 0.05) ? 15 : 0));
  b->n_services = 1;

  addon = g->services[main].addon;
  if (addon != NONE && (master->categories & (1u << g->services[addon].category)) &&
      rng_chance (&g->rng, 0.12))
    {
      b->service[1] = (guint16) addon;
      b->minutes[1] = (guint16) g->services[addon].minutes;
      b->n_services = 2;
    }
  else if (rng_chance (&g->rng, 0.03))
    {
      guint other = gen_pick_service (g, master);

      if (other != main)
        {
          b->service[1] = (guint16) other;
          b->minutes[1] = (guint16) g->services[other].minutes;
          b->n_services = 2;
        }
    }

  b->total = b->minutes[0] + (b->n_services > 1 ? b->minutes[1] : 0);
}

/* Lays the day's bookings out in the master's working spans, in a random
 * order with free quarters of an hour scattered between them. Returns how
 * many fitted; the others are left at the end of @b. */
static guint
gen_place (Gen     *g,
           Master  *master,
           int      wd,
           Booking *b,
           guint    n)
{
  guint next = 0;

  for (guint i = n; i > 1; i--)
    {
      guint j = rng_below (&g->rng, i);
      Booking tmp = b[i - 1];

      b[i - 1] = b[j];
      b[j] = tmp;
    }

  for (int s = 0; s < master->n_spans[wd] && next < n; s++)
    {
      const Span *span = &master->spans[wd][s];
      int len = span->end - span->start;
      int gaps[MAX_BOOKINGS + 1] = { 0 };
      guint first = next, k;
      int sum = 0, t;

      while (next < n && sum + b[next].total <= len)
        sum += b[next++].total;

      k = next - first;
      for (int u = (len - sum) / 15; u > 0; u--)
        gaps[rng_below (&g->rng, k + 1)] += 15;

      t = span->start;
      for (guint i = 0; i < k; i++)
        {
          t += gaps[i];
          b[first + i].start = t;
          t += b[first + i].total;
        }
    }

  return next;
}

static void
gen_emit (Gen           *g,
          guint          m,
          guint          d,
          const Booking *b,
          gboolean       cancelled)
{
  static const double leads[] = { 0.10, 0.20, 0.15, 0.10, 0.25, 0.20 };
  gint64 starts = gen_time (g, d, b->start);
  gint64 ends = starts + (gint64) b->total * 60;
  guint32 c = b->client == NONE ? gen_new_client (g, m, d, b->service[0], FALSE) : (guint32) b->client;
  Client *cl = CLIENT (g, c);
  gint64 created, updated;
  Appt a = { 0 };
  double r = rng_double (&g->rng);

  a.id = gen_new_id (g);
  a.starts_at = starts;
  a.client = (gint32) c;
  a.master = (guint16) m;
  a.minutes = (guint16) b->total;
  a.n_services = b->n_services;
  a.note = NONE;
  for (guint i = 0; i < b->n_services; i++)
    {
      a.service[i] = b->service[i];
      a.service_minutes[i] = b->minutes[i];
      a.price[i] = gen_price_at (g, b->service[i], starts);
    }

  /* When it was booked. */
  if (cl->last_end > 0 && cl->last_end < starts && rng_chance (&g->rng, 0.3))
    created = cl->last_end + rng_range (&g->rng, 1, 15) * 60;          /* at check-out */
  else if (b->client == NONE && rng_chance (&g->rng, 0.12))
    created = starts - rng_range (&g->rng, 5, 40) * 60;                /* walked in */
  else
    {
      static const int lead_days[][2] = { { 0, 0 }, { 1, 1 }, { 2, 2 }, { 3, 3 }, { 4, 7 }, { 8, 14 } };
      guint which = rng_choose (&g->rng, leads, G_N_ELEMENTS (leads));
      int days = rng_range (&g->rng, lead_days[which][0], lead_days[which][1]);

      created = g->day_base[d] - (gint64) days * SECONDS_PER_DAY + rng_range (&g->rng, 9 * 60, 21 * 60) * 60;
      if (created >= starts)
        created = starts - rng_range (&g->rng, 20, 180) * 60;
    }
  if (created > g->now)
    created = g->now - rng_range (&g->rng, 5, 3 * 24 * 60) * 60;

  /* What became of it. */
  if (cancelled)
    a.status = RG_APPOINTMENT_CANCELLED;
  else if (ends <= g->now)
    {
      if (d == g->today)
        a.status = r < 0.03 ? RG_APPOINTMENT_NO_SHOW
                 : r < 0.08 ? RG_APPOINTMENT_ARRIVED     /* not checked out yet */
                 : RG_APPOINTMENT_DONE;
      else
        a.status = r < 0.032 ? RG_APPOINTMENT_NO_SHOW : RG_APPOINTMENT_DONE;
    }
  else if (starts <= g->now)
    a.status = RG_APPOINTMENT_ARRIVED;
  else
    {
      double days_ahead = (double) (starts - g->now) / SECONDS_PER_DAY;
      double confirmed = days_ahead < 1 ? 0.8 : days_ahead < 3 ? 0.55 : 0.15;

      a.status = r < confirmed ? RG_APPOINTMENT_CONFIRMED : RG_APPOINTMENT_BOOKED;
    }

  switch (a.status)
    {
    case RG_APPOINTMENT_DONE:
      updated = ends + rng_range (&g->rng, 0, 20) * 60;
      break;
    case RG_APPOINTMENT_NO_SHOW:
      updated = starts + rng_range (&g->rng, 15, 60) * 60;
      break;
    case RG_APPOINTMENT_ARRIVED:
      updated = starts - rng_range (&g->rng, 0, 10) * 60;
      break;
    case RG_APPOINTMENT_CANCELLED:
      updated = created + (gint64) ((starts - created) * 0.95 * rng_double (&g->rng));
      break;
    case RG_APPOINTMENT_CONFIRMED:
      updated = starts - SECONDS_PER_DAY - rng_range (&g->rng, 0, 6 * 60) * 60;
      break;
    default:
      updated = created;
      break;
    }
  updated = CLAMP (updated, created, MAX (created, g->now));

  a.created_at = created;
  a.updated_at = updated;
  if (rng_chance (&g->rng, b->client == NONE ? 0.08 : 0.03))
    a.note = (gint16) rng_pick_index (&g->rng, &g->lang->appt_notes);

  if (cl->created_at == 0 || created < cl->created_at)
    cl->created_at = created;

  /* Served by somebody else than their master: some stay with the new one. */
  if (b->client != NONE && !b->from_master_queue && cl->master != m && rng_chance (&g->rng, 0.3))
    cl->master = (guint16) m;

  g_array_append_val (g->appts, a);
  gen_after_appointment (g, g->appts->len - 1, d);
}

static void
gen_push_back (Gen     *g,
               guint32  c,
               guint    d,
               gboolean from_master)
{
  gen_enqueue (g, c, d, TRUE, from_master);
}

/* A client of @m who would be due within a week, taken out of their day. */
static gint32
gen_pop_due_soon (Gen   *g,
                  guint  m,
                  guint  d)
{
  for (guint day = d + 1; day < MIN (d + 8, g->n_days); day++)
    {
      gint32 prev = NONE;

      for (gint32 c = g->buckets[day]; c != NONE; prev = c, c = CLIENT (g, c)->link)
        {
          Client *cl = CLIENT (g, c);

          if (cl->plan != PLAN_VISIT || cl->master != m)
            continue;

          if (prev == NONE)
            g->buckets[day] = cl->link;
          else
            CLIENT (g, prev)->link = cl->link;
          cl->link = NONE;
          cl->state = STATE_IDLE;
          return c;
        }
    }

  return NONE;
}

/* Fills one master's working day; returns the new clients it took. */
static guint
gen_plan_master_day (Gen    *g,
                     guint   m,
                     guint   d,
                     double  new_share,
                     int    *open_out,
                     int    *booked_out,
                     guint  *n_out)
{
  Master *master = &g->masters[m];
  int wd = g->weekday[d];
  Booking bookings[MAX_BOOKINGS];
  Booking misfits[12];
  guint n = 0, n_misfits = 0, n_new, placed, new_placed = 0;
  int open = 0, used = 0, booked = 0, target;
  double f;

  if (master->n_spans[wd] == 0 || g->off[m * g->n_days + d] != OFF_WORKS)
    return 0;

  for (int s = 0; s < master->n_spans[wd]; s++)
    open += master->spans[wd][s].end - master->spans[wd][s].start;

  f = g->level == 2 ? 0.88 + 0.12 * rng_double (&g->rng) : 0.74 + 0.24 * rng_double (&g->rng);
  if (wd == G_DATE_FRIDAY || wd == G_DATE_SATURDAY)
    f += 0.03;
  if (d > g->today)
    f *= 1.0 - 0.85 * (d - g->today) / (g->options->future_days + 1.0);
  target = (int) (open * MIN (f, 1.0));

  n_new = (guint) new_share;
  if (rng_chance (&g->rng, new_share - n_new))
    n_new++;

  /* Whoever is waiting, as long as they fit; a few who do not are set
   * aside for another day rather than ending the planning. */
  while (n < MAX_BOOKINGS && n_misfits < G_N_ELEMENTS (misfits))
    {
      Booking *b = &bookings[n];
      gboolean is_new = FALSE;
      gint32 c = NONE;

      b->from_master_queue = 0;
      if (n_new > 0 && rng_chance (&g->rng, g->new_first))
        is_new = TRUE;
      else if ((c = gen_pop_waiting (g, m, &b->from_master_queue)) == NONE)
        {
          if (n_new == 0)
            break;
          is_new = TRUE;
        }

      gen_choose_services (g, m, c, b);
      b->client = c;
      if (used + b->total > target)
        {
          misfits[n_misfits++] = *b;
          continue;
        }

      if (is_new)
        n_new--;
      used += b->total;
      n++;
    }

  placed = gen_place (g, master, wd, bookings, n);
  for (guint i = 0; i < placed; i++)
    {
      if (bookings[i].client == NONE)
        new_placed++;
      booked += bookings[i].total;
      gen_emit (g, m, d, &bookings[i], FALSE);

      /* Somebody had this time first and cancelled in advance; the slot was
       * given to the client who came. */
      if (rng_chance (&g->rng, d < g->today ? 0.066 : 0.03))
        {
          Booking cancelled = bookings[i];

          cancelled.client = gen_pop_waiting (g, m, &cancelled.from_master_queue);
          if (cancelled.client == NONE)
            cancelled.client = gen_pop_due_soon (g, m, d);
          if (cancelled.client != NONE)
            {
              /* What they wanted, if it fitted the slot. */
              gen_choose_services (g, m, cancelled.client, &cancelled);
              if (cancelled.total > bookings[i].total)
                {
                  memcpy (cancelled.service, bookings[i].service, sizeof cancelled.service);
                  memcpy (cancelled.minutes, bookings[i].minutes, sizeof cancelled.minutes);
                  cancelled.n_services = bookings[i].n_services;
                  cancelled.total = bookings[i].total;
                }
              gen_emit (g, m, d, &cancelled, TRUE);
            }
        }
    }

  for (guint i = placed; i < n; i++)
    if (bookings[i].client != NONE)
      gen_push_back (g, (guint32) bookings[i].client, d, bookings[i].from_master_queue);
  for (guint i = n_misfits; i-- > 0;)
    if (misfits[i].client != NONE)
      gen_push_back (g, (guint32) misfits[i].client, d, misfits[i].from_master_queue);

  *open_out += open;
  *booked_out += booked;
  *n_out += placed;
  return new_placed;
}

/* Keeps the calendar about as full as a good studio's: when clients pile up
 * waiting (or new ones find no slot) regulars drift away a little faster;
 * when the masters stand idle, they stay a little longer. */
static void
gen_steer (Gen    *g,
           int     open,
           int     booked,
           guint   bookings,
           double  quota)
{
  double backlog;

  if (open > 0)
    g->fill = 0.93 * g->fill + 0.07 * (double) booked / open;
  g->per_day = 0.93 * g->per_day + 0.07 * bookings;
  backlog = g->n_waiting / MAX (1.0, g->per_day);

  if (g->new_budget > 2.0 * quota + 3.0 || backlog > 4.0)
    g->churn_scale = MIN (6.0, g->churn_scale * 1.02);
  else if (g->fill < 0.84)
    g->churn_scale = MAX (0.05, g->churn_scale * 0.98);
}

static void
gen_simulate (Gen *g)
{
  guint n_initial;
  double per_day = 0, weight_left = 0;
  g_autofree int *open = g_new0 (int, g->n_masters);
  g_autofree double *weights = g_new0 (double, g->n_days);
  g_autofree double *left = g_new0 (double, g->n_days);   /* arrival weights from each day on */

  g->buckets = g_new (gint32, g->n_days);
  for (guint d = 0; d < g->n_days; d++)
    g->buckets[d] = NONE;
  for (int cat = 0; cat < N_CATEGORIES; cat++)
    g->cat_head[cat] = g->cat_tail[cat] = NONE;

  /* The studio did not open yesterday: it starts with a base of clients,
   * about as many as its masters keep busy. */
  for (guint m = 0; m < g->n_masters; m++)
    for (int wd = 1; wd <= 7; wd++)
      for (int s = 0; s < g->masters[m].n_spans[wd]; s++)
        per_day += (g->masters[m].spans[wd][s].end - g->masters[m].spans[wd][s].start) / 7.0;
  per_day = per_day * 0.85 / 65.0;
  n_initial = (guint) MIN (g->options->n_clients * 0.35, per_day * 28.0);
  g->target_new = g->options->n_clients - n_initial;
  g->fill = 0.85;
  g->per_day = per_day;
  g->churn_scale = 1.0;

  for (guint i = 0; i < n_initial; i++)
    {
      guint m = rng_below (&g->rng, g->n_masters);
      guint32 c = gen_new_client (g, m, 0, gen_pick_service (g, &g->masters[m]), TRUE);

      bucket_push (g, c, rng_below (&g->rng, CLIENT (g, c)->interval), PLAN_VISIT);
    }

  /* New clients arrive evenly; fewer book ahead into the future. */
  for (guint d = g->n_days; d-- > 0;)
    {
      weights[d] = d <= g->today ? 1.0 : 0.3;
      weight_left += weights[d];
      left[d] = weight_left;
    }

  for (guint d = 0; d < g->n_days; d++)
    {
      double owed = (double) g->target_new - g->n_new - g->new_budget;
      double quota = owed > 0 ? owed * weights[d] / left[d] : 0;
      int day_open = 0, day_booked = 0;
      double total_slots = 0;
      guint day_bookings = 0;
      gint32 c = g->buckets[d];

      g->buckets[d] = NONE;
      while (c != NONE)
        {
          gint32 next = CLIENT (g, c)->link;

          if (CLIENT (g, c)->plan == PLAN_CALL)
            gen_call (g, (guint32) c, d);
          else
            gen_enqueue (g, (guint32) c, d, FALSE, rng_chance (&g->rng, 0.85));
          c = next;
        }

      gen_age_queues (g, d);
      g->new_budget += quota;
      g->new_first = g->new_budget > 2.0 * quota + 3.0 ? 0.9 : 0.5;

      /* New clients go where there is room: by how many bookings each
       * master on duty can take. */
      for (guint m = 0; m < g->n_masters; m++)
        {
          const Master *master = &g->masters[m];
          int wd = g->weekday[d];

          open[m] = 0;
          if (g->off[m * g->n_days + d] == OFF_WORKS)
            for (int s = 0; s < master->n_spans[wd]; s++)
              open[m] += master->spans[wd][s].end - master->spans[wd][s].start;
          total_slots += open[m] / master->per_booking;
        }

      for (guint k = 0; k < g->n_masters; k++)
        {
          guint m = (d + k) % g->n_masters;
          double share = total_slots > 0 ? g->new_budget * open[m] / g->masters[m].per_booking / total_slots : 0;
          guint taken;

          if (open[m] == 0)
            continue;
          taken = gen_plan_master_day (g, m, d, share, &day_open, &day_booked, &day_bookings);
          g->n_new += taken;
          g->new_budget = MAX (0.0, g->new_budget - taken);
        }

      if (d <= g->today)
        {
          g->open_minutes += day_open;
          g->booked_minutes += day_booked;
          gen_steer (g, day_open, day_booked, day_bookings, quota);
        }
    }

  /* When the masters could not take everybody (many clients, a short
   * history), the others booked once and cancelled: they are in the base
   * but never came. */
  for (guint tries = 0; g->n_new < g->target_new && tries < 100 * g->target_new; tries++)
    {
      guint d = rng_below (&g->rng, g->today + 1);
      guint m = rng_below (&g->rng, g->n_masters);
      const Master *master = &g->masters[m];
      int wd = g->weekday[d];
      const Span *span;
      Booking b = { 0 };

      if (master->n_spans[wd] == 0 || g->off[m * g->n_days + d] != OFF_WORKS)
        continue;

      span = &master->spans[wd][rng_below (&g->rng, (guint) master->n_spans[wd])];
      gen_choose_services (g, m, NONE, &b);
      if (b.total > span->end - span->start || gen_time (g, d, span->end) > g->now)
        continue;

      b.client = NONE;
      b.start = span->start + 15 * (int) rng_below (&g->rng, (guint) (span->end - span->start - b.total) / 15 + 1);
      gen_emit (g, m, d, &b, TRUE);
      g->n_new++;
    }

  /* A few open tasks for the coming days, and one that is overdue. */
  for (guint i = 0, n = 3 + g->n_masters / 2; i < n && g->clients->len > 0; i++)
    {
      guint32 c = rng_below (&g->rng, g->clients->len);
      const Client *cl = CLIENT (g, c);
      guint day = g->today + (i == 0 ? 0 : (guint) rng_range (&g->rng, 1, 5));
      gint64 due = gen_time (g, day, rng_range (&g->rng, 10 * 4, 18 * 4) * 15);
      gint64 occurred = g->now - rng_range (&g->rng, 60, 3 * 24 * 60) * 60;

      if (i == 0)
        due = g->day_base[g->today] - SECONDS_PER_DAY + 11 * 3600;
      gen_add_interaction (g, RG_INTERACTION_TASK, c, NONE, cl->master,
                           rng_pick (&g->rng, &g->lang->tasks), OUTCOME_NONE,
                           MIN (occurred, due), due, 0);
    }

  g_debug ("Simulated %u days: %u clients, %u appointments, %.0f%% of working time booked, "
           "churn scale %.2f, %u waiting",
           g->n_days, g->clients->len, g->appts->len,
           g->open_minutes ? 100.0 * g->booked_minutes / g->open_minutes : 0.0,
           g->churn_scale, g->n_waiting);
}

/* Writing ---------------------------------------------------------------- */

/* Rows go in with multi-row INSERTs: fewer statements to run, and the
 * full-text index behind the clients table syncs once per statement
 * rather than once per client. */
#define BATCH_PARAMETERS 960
#define BATCH_ROWS       64

typedef struct {
  RgStore *store;
  RgStmt  *many;              /* per_batch rows */
  RgStmt  *one;
  RgStmt  *stmt;              /* of the current row */
  guint    n_columns;
  guint    per_batch;
  guint64  n_rows;            /* rows to come; 0: unknown, one at a time */
  guint64  done;
  int      offset;            /* parameter index of the current row's column 0 */
} Batch;

static void
batch_clear (Batch *b)
{
  g_clear_pointer (&b->many, rg_stmt_release);
  g_clear_pointer (&b->one, rg_stmt_release);
  b->stmt = NULL;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Batch, batch_clear)

static char *
insert_sql (const char *table,
            guint       n_columns,
            guint       n_rows)
{
  GString *sql = g_string_new ("INSERT INTO ");

  g_string_append_printf (sql, "%s VALUES ", table);
  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append (sql, r ? ", (?" : "(?");
      for (guint c = 1; c < n_columns; c++)
        g_string_append (sql, ", ?");
      g_string_append_c (sql, ')');
    }

  return g_string_free (sql, FALSE);
}

/* @table is the table and its columns: "staff (id, display_name, ...)". */
static gboolean
batch_init (Batch       *b,
            RgStore     *store,
            const char  *table,
            guint        n_columns,
            guint64      n_rows,
            GError     **error)
{
  g_autofree char *one = insert_sql (table, n_columns, 1);

  memset (b, 0, sizeof *b);
  b->store = store;
  b->n_columns = n_columns;
  b->n_rows = n_rows;
  b->per_batch = CLAMP (BATCH_PARAMETERS / n_columns, 1, BATCH_ROWS);

  if (n_rows >= b->per_batch)
    {
      g_autofree char *many = insert_sql (table, n_columns, b->per_batch);

      b->many = rg_store_prepare (store, many, error);
      if (b->many == NULL)
        return FALSE;
    }

  b->one = rg_store_prepare (store, one, error);
  return b->one != NULL;
}

static void
batch_begin_row (Batch *b)
{
  guint64 in_batches = b->n_rows - b->n_rows % b->per_batch;

  if (b->done < in_batches)
    {
      b->stmt = b->many;
      b->offset = (int) (b->done % b->per_batch * b->n_columns) + 1;
    }
  else
    {
      b->stmt = b->one;
      b->offset = 1;
    }
}

static gboolean
batch_end_row (Batch   *b,
               GError **error)
{
  gboolean ok = TRUE;

  b->done++;
  if (b->stmt == b->one || b->done % b->per_batch == 0)
    {
      ok = rg_store_step_done (b->store, b->stmt, error);
      sqlite3_reset (b->stmt);
    }

  return ok;
}

static void
col_int (Batch  *b,
         int     column,
         gint64  value)
{
  sqlite3_bind_int64 (b->stmt, b->offset + column, value);
}

/* 0 is NULL */
static void
col_opt (Batch  *b,
         int     column,
         gint64  value)
{
  if (value != 0)
    sqlite3_bind_int64 (b->stmt, b->offset + column, value);
  else
    sqlite3_bind_null (b->stmt, b->offset + column);
}

static void
col_text (Batch      *b,
          int         column,
          const char *text)
{
  if (text)
    sqlite3_bind_text (b->stmt, b->offset + column, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (b->stmt, b->offset + column);
}

/* For text that outlives the statement: the pools, the store of names. */
static void
col_static (Batch      *b,
            int         column,
            const char *text)
{
  if (text)
    sqlite3_bind_text (b->stmt, b->offset + column, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (b->stmt, b->offset + column);
}

typedef struct {
  gint64  id;
  guint32 index;
  guint32 position;
} Order;

static int
order_compare (const void *a,
               const void *b)
{
  gint64 x = ((const Order *) a)->id;
  gint64 y = ((const Order *) b)->id;

  return x < y ? -1 : x > y;
}

static int
compare_gint64 (const void *a,
                const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static char *
with_master (Gen        *g,
             const char *text,
             guint       master)
{
  g_auto(GStrv) parts = NULL;

  if (text == NULL || strstr (text, "{m}") == NULL)
    return g_strdup (text);

  parts = g_strsplit (text, "{m}", -1);
  return g_strjoinv (g->masters[master].first_name, parts);
}

static gboolean
gen_write_staff (Gen      *g,
                 RgStore  *store,
                 GError  **error)
{
  g_auto(Batch) staff = { 0 };
  g_auto(Batch) hours = { 0 };
  g_auto(Batch) off = { 0 };
  const char *reasons[] = {
    NULL, g->lang->vacation, g->lang->sick, g->lang->training, g->lang->holiday, g->lang->holiday2,
  };

  g->staff_created_at = g->day_base[0] - 30 * SECONDS_PER_DAY + 10 * 3600;

  if (!batch_init (&staff, store,
                   "staff (id, display_name, role, color, phone, position, created_at, updated_at)",
                   8, g->n_masters, error))
    return FALSE;

  for (guint m = 0; m < g->n_masters; m++)
    {
      const Master *master = &g->masters[m];

      batch_begin_row (&staff);
      col_int (&staff, 0, master->id);
      col_static (&staff, 1, master->name);
      col_static (&staff, 2, "master");
      col_static (&staff, 3, master->color);
      col_static (&staff, 4, master->phone);
      col_int (&staff, 5, m);
      col_int (&staff, 6, g->staff_created_at);
      col_int (&staff, 7, g->staff_created_at);
      if (!batch_end_row (&staff, error))
        return FALSE;
    }

  if (!batch_init (&hours, store,
                   "staff_hours (id, staff_id, weekday, start_minute, end_minute, created_at, updated_at)",
                   7, 0, error))
    return FALSE;

  for (guint m = 0; m < g->n_masters; m++)
    for (int wd = 1; wd <= 7; wd++)
      for (int s = 0; s < g->masters[m].n_spans[wd]; s++)
        {
          batch_begin_row (&hours);
          col_int (&hours, 0, gen_new_id (g));
          col_int (&hours, 1, g->masters[m].id);
          col_int (&hours, 2, wd);
          col_int (&hours, 3, g->masters[m].spans[wd][s].start);
          col_int (&hours, 4, g->masters[m].spans[wd][s].end);
          col_int (&hours, 5, g->staff_created_at);
          col_int (&hours, 6, g->staff_created_at);
          if (!batch_end_row (&hours, error))
            return FALSE;
        }

  if (!batch_init (&off, store,
                   "staff_days_off (id, staff_id, day, reason, created_at, updated_at)",
                   6, 0, error))
    return FALSE;

  for (guint m = 0; m < g->n_masters; m++)
    for (guint d = 0; d < g->n_days; d++)
      {
        guint8 reason = g->off[m * g->n_days + d];
        char day[11];
        gint64 created;

        if (reason == OFF_WORKS)
          continue;

        /* Sick leave is entered that morning; the rest is planned ahead. */
        if (reason == OFF_SICK)
          created = g->day_base[d] + 8 * 3600 + rng_range (&g->rng, 0, 90) * 60;
        else
          created = g->day_base[d] - rng_range (&g->rng, 20, 60) * SECONDS_PER_DAY + 15 * 3600;
        created = CLAMP (created, g->staff_created_at, g->now);

        gen_format_day (g, d, day);
        batch_begin_row (&off);
        col_int (&off, 0, gen_new_id (g));
        col_int (&off, 1, g->masters[m].id);
        col_text (&off, 2, day);
        col_static (&off, 3, reasons[reason]);
        col_int (&off, 4, created);
        col_int (&off, 5, created);
        if (!batch_end_row (&off, error))
          return FALSE;
      }

  return TRUE;
}

static gboolean
gen_write_services (Gen      *g,
                    RgStore  *store,
                    GError  **error)
{
  g_auto(Batch) b = { 0 };

  if (!batch_init (&b, store,
                   "services (id, name, category, duration_minutes, price, repeat_days, position,"
                   " created_at, updated_at)",
                   9, g->n_services, error))
    return FALSE;

  for (guint i = 0; i < g->n_services; i++)
    {
      const Service *s = &g->services[i];

      batch_begin_row (&b);
      col_int (&b, 0, s->id);
      col_static (&b, 1, s->name);
      col_static (&b, 2, g->lang->category_names[s->category]);
      col_int (&b, 3, s->minutes);
      col_int (&b, 4, s->price);
      col_opt (&b, 5, s->repeat_days);
      col_int (&b, 6, i);
      col_int (&b, 7, g->staff_created_at);
      col_int (&b, 8, g->staff_created_at);
      if (!batch_end_row (&b, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
gen_write_tags (Gen      *g,
                RgStore  *store,
                gint64   *tag_ids,
                GError  **error)
{
  g_auto(Batch) b = { 0 };

  if (!batch_init (&b, store, "tags (id, name, color, created_at, updated_at)", 5, N_TAGS, error))
    return FALSE;

  for (guint i = 0; i < N_TAGS; i++)
    {
      tag_ids[i] = gen_new_id (g);
      batch_begin_row (&b);
      col_int (&b, 0, tag_ids[i]);
      col_static (&b, 1, g->lang->tags[i]);
      col_static (&b, 2, tag_colors[i]);
      col_int (&b, 3, g->staff_created_at);
      col_int (&b, 4, g->staff_created_at);
      if (!batch_end_row (&b, error))
        return FALSE;
    }

  return TRUE;
}

typedef struct {
  char       *address_as;
  char       *full_name;
  char       *phone;
  char       *phone2;
  char       *email;
  int         birth_day;
  int         birth_month;
  int         birth_year;
  const char *gender;
  const char *call_time;
  const char *source;
  const char *preferences;
  const char *medical;
  const char *notes;
  int         age;
  gboolean    female;
  gboolean    allergy;
} Person;

static void
person_clear (Person *p)
{
  g_free (p->address_as);
  g_free (p->full_name);
  g_free (p->phone);
  g_free (p->phone2);
  g_free (p->email);
}

/* Who the client is. Each client has their own random stream, so this does
 * not depend on the order clients are written in. */
static void
gen_person (Gen          *g,
            guint         index,
            const Client *cl,
            int           this_year,
            Person       *p)
{
  const Lang *lang = g->lang;
  Rng rng;
  Rng *r = &rng;
  const FirstName *first;
  const Patronymic *patronymic = NULL;
  g_autofree char *surname = NULL;
  double p_female, x;

  memset (p, 0, sizeof *p);
  rng_seed (r, g->options->seed ^ ((guint64) (index + 1) * G_GUINT64_CONSTANT (0xd1342543de82ef95)));

  p_female = cl->service == SERVICE_MENS_HAIRCUT ? 0.04
           : cl->service == SERVICE_KIDS_HAIRCUT ? 0.85
           : g->services[cl->service].category == CAT_MASSAGE ? 0.65
           : 0.93;
  p->female = rng_chance (r, p_female);
  first = p->female ? &lang->female[rng_below (r, lang->n_female)]
                    : &lang->male[rng_below (r, lang->n_male)];
  surname = surname_for (lang, lang->surnames[rng_below (r, lang->n_surnames)], p->female);
  if (lang->russian)
    patronymic = &patronymics_ru[rng_below (r, G_N_ELEMENTS (patronymics_ru))];

  p->age = 18 + (int) rng_below (r, 22) + (int) rng_below (r, 24);
  if (rng_chance (r, 0.08))
    p->age += 15;

  /* How the staff address them, and the name on the card. */
  x = rng_double (r);
  if (lang->russian)
    {
      const char *pat = p->female ? patronymic->female : patronymic->male;
      gboolean formal = x >= 0.80 && x < 0.95 + (p->age > 50 ? 0.04 : 0.0);

      if (formal)
        p->address_as = g_strdup_printf ("%s %s", first->name, pat);
      else if (x >= 0.62 && x < 0.80 && first->nick)
        p->address_as = g_strdup (first->nick);
      else if (x >= 0.99)
        p->address_as = g_strdup_printf ("%s %s", first->name, surname);
      else
        p->address_as = g_strdup (first->name);

      if (formal || rng_chance (r, 0.85))
        p->full_name = formal || rng_chance (r, 0.7)
                     ? g_strdup_printf ("%s %s %s", surname, first->name, pat)
                     : g_strdup_printf ("%s %s", surname, first->name);
    }
  else
    {
      if (x < 0.72)
        p->address_as = g_strdup (first->name);
      else if (x < 0.92 && first->nick)
        p->address_as = g_strdup (first->nick);
      else if (x < 0.97)
        p->address_as = g_strdup (first->name);
      else
        p->address_as = g_strdup_printf ("%s %s", p->female ? "Mrs" : "Mr", surname);

      if (rng_chance (r, 0.85))
        p->full_name = g_strdup_printf ("%s %s", first->name, surname);
    }

  p->phone = gen_phone (g, r, index);
  if (rng_chance (r, 0.03))
    p->phone2 = gen_phone (g, r, index + MAX_CLIENTS + MAX_STAFF);

  if (rng_chance (r, 0.3))
    {
      g_autoptr(GString) email = g_string_new (NULL);
      const char *domain = rng_pick (r, &lang->email_domains);

      switch (rng_below (r, 3))
        {
        case 0:
          append_latin (email, first->name);
          g_string_append_c (email, '.');
          append_latin (email, surname);
          if (rng_chance (r, 0.5))
            g_string_append_printf (email, "%02d", (this_year - p->age) % 100);
          break;
        case 1:
          append_latin (email, surname);
          g_string_append_c (email, '_');
          append_latin (email, first->name);
          break;
        default:
          append_latin (email, first->nick ? first->nick : first->name);
          g_string_append_printf (email, "%d", rng_range (r, 1, 999));
          break;
        }
      g_string_append_printf (email, "@%s", domain);
      p->email = g_string_free (g_steal_pointer (&email), FALSE);
    }

  if (rng_chance (r, 0.6))
    {
      GDateMonth month = (GDateMonth) rng_range (r, 1, 12);
      int year = this_year - p->age;

      p->birth_month = month;
      if (rng_chance (r, 0.5))
        p->birth_year = year;
      p->birth_day = rng_range (r, 1, g_date_get_days_in_month (month, (GDateYear) (p->birth_year ? year : 2001)));
    }

  if (rng_chance (r, 0.7))
    p->gender = p->female ? "female" : "male";
  if (rng_chance (r, 0.08))
    p->call_time = rng_pick (r, &lang->call_times);
  if (cl->referrer != NONE)
    p->source = lang->referral_source;
  else if (rng_chance (r, 0.55))
    p->source = rng_pick (r, &lang->sources);
  if (rng_chance (r, 0.12))
    p->preferences = rng_pick (r, &lang->preferences);
  if (rng_chance (r, 0.05))
    {
      guint which = rng_pick_index (r, &lang->medical);

      p->medical = lang->medical.items[which];
      p->allergy = which == 0 || which == 2 || which == 5 || which == 6 || which == 7;
    }
  if (rng_chance (r, 0.09))
    {
      p->notes = rng_pick (r, &lang->client_notes);
      if (strstr (p->notes, "латекс") || strstr (p->notes, "latex"))
        p->allergy = TRUE;
    }
}


typedef struct {
  gint64 client;
  gint64 tag;
  gint64 created_at;
} ClientTag;

static gboolean
gen_write_clients (Gen           *g,
                   RgStore       *store,
                   const gint64  *tag_ids,
                   GError       **error)
{
  g_auto(Batch) b = { 0 };
  g_auto(Batch) t = { 0 };
  g_autoptr(GArray) client_tags = g_array_new (FALSE, FALSE, sizeof (ClientTag));
  g_autofree gint64 *spent = g_new (gint64, MAX (1u, g->clients->len));
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (g->now);
  int this_year = g_date_time_get_year (utc);
  gint64 vip = 0;

  for (guint i = 0; i < g->clients->len; i++)
    spent[i] = CLIENT (g, i)->spent;
  qsort (spent, g->clients->len, sizeof (gint64), compare_gint64);
  if (g->clients->len > 0)
    vip = MAX (1, spent[(guint) (g->clients->len * 0.97)]);

  if (!batch_init (&b, store,
                   "clients (id, address_as, sort_key, phone, phone_digits, full_name, phone2,"
                   " phone2_digits, email, birth_day, birth_month, birth_year, gender, call_time,"
                   " preferred_staff_id, referred_by_id, source, consent_messages, minimal_contact,"
                   " preferences, medical_notes, notes, deleted_at, created_at, updated_at)",
                   25, g->clients->len, error))
    return FALSE;

  /* In the order they came, so whoever referred a client is already there. */
  for (guint i = 0; i < g->clients->len; i++)
    {
      const Client *cl = CLIENT (g, i);
      g_autofree char *sort_key = NULL;
      g_autofree char *digits = NULL;
      g_autofree char *digits2 = NULL;
      gint64 created = cl->created_at ? cl->created_at : gen_time (g, (guint) cl->first_day, 600);
      gint64 updated = created;
      gint64 deleted = 0;
      gint64 last = MIN (MAX (cl->last_end, created), g->now);
      gboolean tags[N_TAGS] = { FALSE };
      Rng rng;
      Person p;

      gen_person (g, i, cl, this_year, &p);
      rng_seed (&rng, g->options->seed ^ ((guint64) (i + 1) * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)));

      if (p.preferences || p.notes || p.medical)
        updated = created + (gint64) ((last - created) * rng_double (&rng));
      if (cl->state == STATE_IDLE && cl->visits > 0 && rng_chance (&rng, 0.003))
        {
          deleted = cl->last_end + rng_range (&rng, 30, 400) * (gint64) SECONDS_PER_DAY;
          if (deleted > g->now)
            deleted = 0;
          else
            updated = deleted;
        }

      sort_key = rg_text_sort_key (p.address_as);
      digits = rg_phone_digits (p.phone);
      digits2 = p.phone2 ? rg_phone_digits (p.phone2) : NULL;

      batch_begin_row (&b);
      col_int (&b, 0, cl->id);
      col_text (&b, 1, p.address_as);
      col_text (&b, 2, sort_key);
      col_text (&b, 3, p.phone);
      col_text (&b, 4, digits);
      col_text (&b, 5, p.full_name);
      col_text (&b, 6, p.phone2);
      col_text (&b, 7, digits2);
      col_text (&b, 8, p.email);
      col_opt (&b, 9, p.birth_day);
      col_opt (&b, 10, p.birth_month);
      col_opt (&b, 11, p.birth_year);
      col_static (&b, 12, p.gender);
      col_static (&b, 13, p.call_time);
      col_opt (&b, 14, cl->visits > 0 && rng_chance (&rng, 0.65) ? g->masters[cl->master].id : 0);
      col_opt (&b, 15, cl->referrer != NONE ? CLIENT (g, cl->referrer)->id : 0);
      col_static (&b, 16, p.source);
      col_int (&b, 17, rng_chance (&rng, 0.65));
      col_int (&b, 18, rng_chance (&rng, 0.03));
      col_static (&b, 19, p.preferences);
      col_static (&b, 20, p.medical);
      col_static (&b, 21, p.notes);
      col_opt (&b, 22, deleted);
      col_int (&b, 23, created);
      col_int (&b, 24, updated);

      /* Tags follow what the studio knows about them. */
      tags[TAG_VIP] = cl->spent >= vip && cl->visits >= 5;
      tags[TAG_ALLERGY] = p.allergy && rng_chance (&rng, 0.8);
      tags[TAG_STUDENT] = p.age < 23 ? rng_chance (&rng, 0.5) : rng_chance (&rng, 0.01);
      tags[TAG_REGULAR] = cl->loyalty >= LOYALTY_REGULAR && cl->visits >= 8 && rng_chance (&rng, 0.3);
      tags[TAG_MORNINGS] = rng_chance (&rng, 0.03);
      tags[TAG_PENSIONER] = p.age >= 62 && rng_chance (&rng, 0.5);
      tags[TAG_BLOGGER] = rng_chance (&rng, 0.005);
      tags[TAG_BRIDE] = p.female && p.age < 35 && rng_chance (&rng, 0.008);
      person_clear (&p);

      for (guint k = 0; k < N_TAGS; k++)
        if (tags[k])
          {
            ClientTag ct = { cl->id, tag_ids[k], created + (gint64) ((last - created) * rng_double (&rng)) };

            g_array_append_val (client_tags, ct);
          }

      if (!batch_end_row (&b, error))
        return FALSE;
    }

  if (!batch_init (&t, store, "client_tags (id, client_id, tag_id, created_at, updated_at)",
                   5, client_tags->len, error))
    return FALSE;

  for (guint i = 0; i < client_tags->len; i++)
    {
      const ClientTag *ct = &g_array_index (client_tags, ClientTag, i);

      batch_begin_row (&t);
      col_int (&t, 0, gen_new_id (g));
      col_int (&t, 1, ct->client);
      col_int (&t, 2, ct->tag);
      col_int (&t, 3, ct->created_at);
      col_int (&t, 4, ct->created_at);
      if (!batch_end_row (&t, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
gen_write_appointments (Gen      *g,
                        RgStore  *store,
                        GError  **error)
{
  g_auto(Batch) b = { 0 };
  g_auto(Batch) rows = { 0 };
  g_autofree Order *order = g_new (Order, MAX (1u, g->appts->len));
  g_autofree Order *row_order = NULL;
  guint n_rows = 0;

  /* In key order: appending to a B-tree is much faster than inserting all
   * over it. */
  for (guint i = 0; i < g->appts->len; i++)
    {
      order[i].id = APPT (g, i)->id;
      order[i].index = i;
      order[i].position = 0;
      n_rows += APPT (g, i)->n_services;
    }
  qsort (order, g->appts->len, sizeof (Order), order_compare);

  if (!batch_init (&b, store,
                   "appointments (id, client_id, staff_id, starts_at, ends_at, status, price, note,"
                   " created_at, updated_at)",
                   10, g->appts->len, error))
    return FALSE;

  for (guint k = 0; k < g->appts->len; k++)
    {
      const Appt *a = APPT (g, order[k].index);

      batch_begin_row (&b);
      col_int (&b, 0, a->id);
      col_int (&b, 1, CLIENT (g, a->client)->id);
      col_int (&b, 2, g->masters[a->master].id);
      col_int (&b, 3, a->starts_at);
      col_int (&b, 4, a->starts_at + (gint64) a->minutes * 60);
      col_static (&b, 5, status_nicks[a->status]);
      col_int (&b, 6, a->price[0] + (a->n_services > 1 ? a->price[1] : 0));
      col_static (&b, 7, a->note != NONE ? g->lang->appt_notes.items[a->note] : NULL);
      col_int (&b, 8, a->created_at);
      col_int (&b, 9, a->updated_at);
      if (!batch_end_row (&b, error))
        return FALSE;
    }

  row_order = g_new (Order, MAX (1u, n_rows));
  n_rows = 0;
  for (guint i = 0; i < g->appts->len; i++)
    for (guint pos = 0; pos < APPT (g, i)->n_services; pos++)
      {
        row_order[n_rows].id = gen_new_id (g);
        row_order[n_rows].index = i;
        row_order[n_rows].position = pos;
        n_rows++;
      }
  qsort (row_order, n_rows, sizeof (Order), order_compare);

  if (!batch_init (&rows, store,
                   "appointment_services (id, appointment_id, service_id, position, duration_minutes,"
                   " price, created_at, updated_at)",
                   8, n_rows, error))
    return FALSE;

  for (guint k = 0; k < n_rows; k++)
    {
      const Appt *a = APPT (g, row_order[k].index);
      guint pos = row_order[k].position;

      batch_begin_row (&rows);
      col_int (&rows, 0, row_order[k].id);
      col_int (&rows, 1, a->id);
      col_int (&rows, 2, g->services[a->service[pos]].id);
      col_int (&rows, 3, pos);
      col_int (&rows, 4, a->service_minutes[pos]);
      col_int (&rows, 5, a->price[pos]);
      col_int (&rows, 6, a->created_at);
      col_int (&rows, 7, a->created_at);
      if (!batch_end_row (&rows, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
gen_write_ratings (Gen      *g,
                   RgStore  *store,
                   GError  **error)
{
  g_auto(Batch) b = { 0 };
  g_autofree Order *order = g_new (Order, MAX (1u, g->ratings->len));

  for (guint i = 0; i < g->ratings->len; i++)
    {
      order[i].id = gen_new_id (g);
      order[i].index = i;
      order[i].position = 0;
    }
  qsort (order, g->ratings->len, sizeof (Order), order_compare);

  if (!batch_init (&b, store,
                   "ratings (id, appointment_id, score, nps, why, rated_at, created_at, updated_at)",
                   8, g->ratings->len, error))
    return FALSE;

  for (guint k = 0; k < g->ratings->len; k++)
    {
      const Rating *r = &g_array_index (g->ratings, Rating, order[k].index);
      const Appt *a = APPT (g, r->appt);
      int band = r->score <= 2 ? 0 : r->score - 2;
      g_autofree char *why = NULL;

      if (r->why != NONE)
        why = with_master (g, g->lang->why[band].items[r->why], a->master);

      batch_begin_row (&b);
      col_int (&b, 0, order[k].id);
      col_int (&b, 1, a->id);
      col_int (&b, 2, r->score);
      if (r->nps >= 0)
        col_int (&b, 3, r->nps);
      else
        col_static (&b, 3, NULL);
      col_text (&b, 4, why);
      col_int (&b, 5, r->rated_at);
      col_int (&b, 6, r->rated_at);
      col_int (&b, 7, r->rated_at);
      if (!batch_end_row (&b, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
gen_write_interactions (Gen      *g,
                        RgStore  *store,
                        GError  **error)
{
  g_auto(Batch) b = { 0 };

  if (!batch_init (&b, store,
                   "interactions (id, client_id, appointment_id, staff_id, kind, body, outcome,"
                   " occurred_at, due_at, done_at, created_at, updated_at)",
                   12, g->interactions->len, error))
    return FALSE;

  for (guint i = 0; i < g->interactions->len; i++)
    {
      const Interaction *it = &g_array_index (g->interactions, Interaction, i);
      const Client *cl = CLIENT (g, it->client);
      g_autofree char *body = with_master (g, it->body, it->master != NONE ? (guint) it->master : cl->master);

      batch_begin_row (&b);
      col_int (&b, 0, gen_new_id (g));
      col_int (&b, 1, cl->id);
      col_opt (&b, 2, it->appt != NONE ? APPT (g, it->appt)->id : 0);
      col_opt (&b, 3, it->master != NONE ? g->masters[it->master].id : 0);
      col_static (&b, 4, kind_nicks[it->kind]);
      col_text (&b, 5, body);
      col_static (&b, 6, outcome_nicks[it->outcome]);
      col_int (&b, 7, it->occurred_at);
      col_opt (&b, 8, it->due_at);
      col_opt (&b, 9, it->done_at);
      col_int (&b, 10, it->occurred_at);
      col_int (&b, 11, it->done_at ? it->done_at : it->occurred_at);
      if (!batch_end_row (&b, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
gen_write (Gen      *g,
           RgStore  *store,
           GError  **error)
{
  gint64 tag_ids[N_TAGS];
  return gen_write_staff (g, store, error) &&
         gen_write_services (g, store, error) &&
         gen_write_tags (g, store, tag_ids, error) &&
         gen_write_clients (g, store, tag_ids, error) &&
         gen_write_appointments (g, store, error) &&
         gen_write_ratings (g, store, error) &&
         gen_write_interactions (g, store, error);
}

/* Public API ------------------------------------------------------------- */

static const char *
normalize_language (const char *language)
{
  if (language == NULL)
    return rg_generator_language_for_locale ();
  return g_str_has_prefix (language, "ru") ? "ru" : "en";
}

const char *
rg_generator_language_for_locale (void)
{
  const char * const *names = g_get_language_names ();

  return names[0] && g_str_has_prefix (names[0], "ru") ? "ru" : "en";
}

void
rg_generator_options_init_demo (RgGeneratorOptions *options,
                                const char         *language,
                                gint64              now)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->n_clients = 1500;
  options->n_staff = 6;
  options->n_services = DEFAULT_SERVICES;
  options->years = 2;
  options->future_days = 21;
  options->seed = DEMO_SEED;
  options->now = now;
  options->language = normalize_language (language);
}

static gboolean
check_options (const RgGeneratorOptions  *options,
               GError                   **error)
{
  if (options->n_clients == 0 || options->n_clients > MAX_CLIENTS)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("The number of clients must be between 1 and %u."), MAX_CLIENTS);
      return FALSE;
    }

  if (options->years == 0 || options->years > MAX_YEARS)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("The history must be between 1 and %u years long."), MAX_YEARS);
      return FALSE;
    }

  if (options->n_staff > MAX_STAFF)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("A studio can have at most %u staff members here."), MAX_STAFF);
      return FALSE;
    }

  if (options->n_services > MAX_SERVICES)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("A studio can have at most %u services here."), MAX_SERVICES);
      return FALSE;
    }

  if (options->future_days > MAX_FUTURE_DAYS)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("Bookings can go at most %u days ahead."), MAX_FUTURE_DAYS);
      return FALSE;
    }

  if (options->now <= (gint64) MAX_YEARS * 366 * SECONDS_PER_DAY ||
      options->now >= G_GINT64_CONSTANT (253402300799) - (gint64) MAX_FUTURE_DAYS * SECONDS_PER_DAY)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("The date to generate the studio for is out of range."));
      return FALSE;
    }

  return TRUE;
}

static void
gen_free (Gen *g)
{
  for (guint m = 0; g->masters && m < g->n_masters; m++)
    {
      g_free (g->masters[m].first_name);
      g_free (g->masters[m].name);
      g_free (g->masters[m].phone);
      g_clear_pointer (&g->masters[m].services, g_array_unref);
      g_free (g->masters[m].offers);
    }
  for (guint s = 0; g->services && s < g->n_services; s++)
    g_free (g->services[s].name);

  g_free (g->masters);
  g_free (g->services);
  g_free (g->off);
  g_free (g->day_base);
  g_free (g->weekday);
  g_free (g->buckets);
  g_clear_pointer (&g->clients, g_array_unref);
  g_clear_pointer (&g->appts, g_array_unref);
  g_clear_pointer (&g->ratings, g_array_unref);
  g_clear_pointer (&g->interactions, g_array_unref);
  g_clear_pointer (&g->tz, g_time_zone_unref);
  g_free (g);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Gen, gen_free)

static Gen *
gen_new (const RgGeneratorOptions *options)
{
  Gen *g = g_new0 (Gen, 1);
  guint64 seed = options->seed;
  guint n_masters = MAX (6u, options->n_clients / 3333);

  g->options = options;
  g->lang = g_str_equal (normalize_language (options->language), "ru") ? &lang_ru : &lang_en;
  rng_seed (&g->rng, options->seed);
  g->id_offset = splitmix64 (&seed) & MASK63;
  g->id_mask = splitmix64 (&seed) & MASK63;
  g->tz = g_time_zone_new_local ();
  g->now = options->now;
  g->n_masters = options->n_staff ? options->n_staff : MIN (n_masters, (guint) MAX_STAFF);
  g->n_services = options->n_services ? options->n_services : DEFAULT_SERVICES;
  g->clients = g_array_sized_new (FALSE, FALSE, sizeof (Client), options->n_clients + 16);
  g->appts = g_array_new (FALSE, FALSE, sizeof (Appt));
  g->ratings = g_array_new (FALSE, FALSE, sizeof (Rating));
  g->interactions = g_array_new (FALSE, FALSE, sizeof (Interaction));

  return g;
}

static gboolean
check_empty (RgStore  *store,
             GError  **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row = FALSE;

  stmt = rg_store_prepare (store,
                           "SELECT EXISTS (SELECT 1 FROM clients) OR EXISTS (SELECT 1 FROM staff)"
                           " OR EXISTS (SELECT 1 FROM services) OR EXISTS (SELECT 1 FROM appointments)",
                           error);
  if (stmt == NULL || !rg_store_step_row (store, stmt, &row, error))
    return FALSE;

  if (row && sqlite3_column_int (stmt, 0))
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("This database already has clients or staff. "
                             "Sample data can only be generated into an empty database."));
      return FALSE;
    }

  return TRUE;
}

gboolean
rg_generator_fill (RgStore                   *store,
                   const RgGeneratorOptions  *options,
                   RgGeneratorStats          *stats,
                   GError                   **error)
{
  g_autoptr(Gen) g = NULL;
  gint64 started = g_get_monotonic_time ();

  g_return_val_if_fail (RG_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_options (options, error) || !check_empty (store, error))
    return FALSE;

  g = gen_new (options);
  if (!gen_setup_days (g, error))
    return FALSE;

  gen_setup_services (g);
  gen_setup_staff (g);
  gen_simulate (g);

  if (!rg_store_begin (store, error))
    return FALSE;

  if (!gen_write (g, store, error))
    {
      rg_store_rollback (store);
      return FALSE;
    }

  if (!rg_store_commit (store, error))
    return FALSE;
  g_debug ("Generated in %.1f s", (g_get_monotonic_time () - started) / 1e6);

  if (stats)
    {
      memset (stats, 0, sizeof *stats);
      stats->staff = g->n_masters;
      stats->services = g->n_services;
      stats->clients = g->clients->len;
      stats->appointments = g->appts->len;
      stats->ratings = g->ratings->len;
      stats->interactions = g->interactions->len;
      stats->complaints = g->complaints;
    }

  return TRUE;
}

static void
remove_partial (const char *partial)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (partial, suffixes[i], NULL);

      g_unlink (file);
    }
}

gboolean
rg_generator_write_file (const char                *path,
                         const RgGeneratorOptions  *options,
                         RgGeneratorStats          *stats,
                         GError                   **error)
{
  g_autofree char *basename = NULL;
  g_autofree char *partial = NULL;
  g_autoptr(RgStore) store = NULL;
  gboolean ok;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  basename = g_filename_display_basename (path);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("“%s” already exists. Choose a new file name: generating never overwrites a database."),
                   basename);
      return FALSE;
    }

  if (!check_options (options, error))
    return FALSE;

  /* Built next to the target and renamed at the end, so a failure or an
   * interruption never leaves half a database under the real name. */
  partial = g_strconcat (path, ".partial", NULL);
  remove_partial (partial);

  store = rg_store_open (partial, RG_STORE_OPEN_DEFAULT, error);
  if (store == NULL)
    {
      remove_partial (partial);
      g_prefix_error (error, _("Could not generate “%s”: "), basename);
      return FALSE;
    }

  /* A fresh file that is thrown away on failure needs no durability while
   * it is written (no journal, no syncing: it is synced once at the end),
   * and the generator's rows refer to each other correctly by construction
   * (test-generator checks), so the foreign keys need not be looked up a
   * few million times. */
  ok = rg_store_exec (store,
                      "PRAGMA synchronous = OFF;"
                      "PRAGMA cache_size = -524288;"
                      "PRAGMA foreign_keys = OFF;"
                      "PRAGMA journal_mode = OFF;",
                      error) &&
       rg_generator_fill (store, options, stats, error) &&
       rg_store_exec (store,
                      "PRAGMA journal_mode = WAL;"
                      "PRAGMA foreign_keys = ON;"
                      "PRAGMA synchronous = FULL;"
                      "PRAGMA cache_size = -16384;",
                      error);
  g_clear_object (&store);

  if (!ok)
    {
      remove_partial (partial);
      g_prefix_error (error, _("Could not generate “%s”: "), basename);
      return FALSE;
    }

  /* Written without syncing: make it durable before it gets its name. */
  fd = g_open (partial, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || g_fsync (fd) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      remove_partial (partial);
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_FAILED,
                   _("Could not save “%s”: %s"), basename, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      remove_partial (partial);
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("“%s” already exists. Choose a new file name: generating never overwrites a database."),
                   basename);
      return FALSE;
    }

  if (g_rename (partial, path) != 0)
    {
      int saved = errno;

      remove_partial (partial);
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CANNOT_OPEN,
                   _("Could not save “%s”: %s"), basename, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}
