/* rg-generator-data.c — the generator's tables: names, services, comments
 * and notes, in Russian and in English.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-demo"

#include "config.h"

#include "rg-generator-private.h"

/* Text ------------------------------------------------------------------------
 *
 * What the studio's people wrote: names, services, comments. These are data
 * in the generated studio's language, not user interface, so they are not
 * translated through gettext. "{m}" in a comment stands for the master's
 * first name. */

#define POOL(a) { a, G_N_ELEMENTS (a) }

const ServiceDef gen_service_defs[DEFAULT_SERVICES] = {
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

static const char * const categories_ru[N_CATEGORIES] = {
  "Волосы", "Ногти", "Брови и ресницы", "Косметология", "Массаж", "SPA",
};

static const char * const categories_en[N_CATEGORIES] = {
  "Hair", "Nails", "Brows and lashes", "Skin care", "Massage", "Spa",
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

/* Masculine forms; surname_for() in rg-generator-studio.c derives the others. */
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

/* In the order of the TAG_* positions. */
static const char * const tags_ru[] = {
  "VIP", "Аллергия", "Студент", "Постоянный", "Предпочитает утро", "Пенсионер", "Блогер", "Невеста",
};

static const char * const tags_en[] = {
  "VIP", "Allergy", "Student", "Regular", "Prefers mornings", "Pensioner", "Blogger", "Bride",
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

/* The questionnaires (seed 002 and 003). */
static const char * const wanted_ru[] = {
  "Педикюр с массажем стоп", "Окрашивание бровей хной", "Массаж лица", "Мужской маникюр",
  "Уход для кожи головы", "Наращивание ресниц вечером",
};
static const char * const remarks_ru[] = {
  "Хотелось бы запись онлайн", "Музыку бы потише", "Не хватает парковки",
  "Пусть напоминают о записи за день", "Всё отлично, спасибо!",
};
static const char * const refusal_product_ru[] = {
  "Цвет держался меньше двух недель", "Стало дорого", "Результат не тот, что обещали",
  "Нужна была запись по вечерам, а мест нет",
};
static const char * const refusal_staff_ru[] = {
  "Мастер ушёл, а к другому не захотела", "Администратор была невежлива",
  "Мастер всё время разговаривал по телефону", "Опоздали на полчаса и не извинились",
};
static const char * const refusal_irritating_ru[] = {
  "Долго ждать у стойки", "Навязывали дорогой уход", "Шумно и тесно в зале",
  "Перенесли запись в последний момент",
};
static const char * const wanted_en[] = {
  "Pedicure with a foot massage", "Henna brows", "Facial massage", "Men's manicure",
  "Scalp treatment", "Evening lash appointments",
};
static const char * const remarks_en[] = {
  "Online booking would help", "The music could be quieter", "Parking is hard nearby",
  "A reminder the day before would be nice", "All perfect, thank you!",
};
static const char * const refusal_product_en[] = {
  "The colour lasted less than two weeks", "It got too expensive", "Not the result I was promised",
  "I needed evening slots and there were none",
};
static const char * const refusal_staff_en[] = {
  "My master left and I did not want anyone else", "The receptionist was rude",
  "The master was on the phone the whole time", "Half an hour late with no apology",
};
static const char * const refusal_irritating_en[] = {
  "Waiting at the desk", "Being pushed to buy expensive products", "Noisy and cramped",
  "My booking was moved at the last minute",
};

/* The retail shelf: what clients take home. Prices in roubles and pence,
 * cost and the master's commission in basis points of the price. The
 * conditioner is seed 003's: 390 with a cost of 300, a loss at 30 % off. */
const ProductDef gen_product_defs[N_PRODUCTS] = {
  { (1 << CAT_HAIR),                      "Шампунь для окрашенных волос",   "Colour-care shampoo",        1450, 1800, 5500, 1000 },
  { (1 << CAT_HAIR),                      "Кондиционер для волос",          "Hair conditioner",           390,  1500, 7700, 500 },
  { (1 << CAT_HAIR),                      "Маска для волос",                "Hair mask",                  1900, 2400, 5000, 1000 },
  { (1 << CAT_HAIR),                      "Термозащитный спрей",            "Heat protection spray",      1200, 1600, 5500, 800 },
  { (1 << CAT_NAILS),                     "Масло для кутикулы",             "Cuticle oil",                450,  900,  4500, 1000 },
  { (1 << CAT_NAILS) | (1 << CAT_SPA),    "Крем для рук",                   "Hand cream",                 650,  1200, 5000, 800 },
  { (1 << CAT_NAILS),                     "Крем для ног",                   "Foot cream",                 750,  1300, 5000, 800 },
  { (1 << CAT_BROWS),                     "Сыворотка для бровей и ресниц",  "Brow and lash serum",        1600, 2500, 4500, 1000 },
  { (1 << CAT_COSMETOLOGY),               "Увлажняющий крем для лица",      "Moisturising face cream",    2800, 3800, 5000, 1000 },
  { (1 << CAT_COSMETOLOGY),               "Солнцезащитный крем SPF 50",     "Sunscreen SPF 50",           1500, 2200, 5500, 800 },
  { (1 << CAT_MASSAGE) | (1 << CAT_SPA),  "Массажное масло",                "Massage oil",                1100, 1800, 5000, 800 },
  { (1 << CAT_SPA) | (1 << CAT_MASSAGE),  "Скраб для тела",                 "Body scrub",                 1300, 2000, 5000, 800 },
  { 0,                                    "Подарочный набор",               "Gift set",                   3500, 4500, 6000, 500 },
};

/* Promotions, in turn through the history. A category's services, or
 * some products (the category NONE), or everything (all). */
const PromotionDef gen_promotion_defs[N_PROMOTION_DEFS] = {
  { CAT_HAIR,        FALSE, "Весна: окрашивание",            "Spring colour offer",     1500 },
  { CAT_NAILS,       FALSE, "Неделя маникюра",               "Manicure week",           1000 },
  { NONE,            FALSE, "Уходовая косметика со скидкой", "Home care sale",          1500 },
  { CAT_BROWS,       FALSE, "Брови и ресницы",               "Brows and lashes month",  1000 },
  { CAT_COSMETOLOGY, FALSE, "Осенний уход за лицом",         "Autumn facial offer",     1500 },
  { NONE,            TRUE,  "Чёрная пятница",                "Black Friday",            1000 },
  { CAT_MASSAGE,     FALSE, "Массаж после праздников",       "New Year massage offer",  2000 },
  { CAT_SPA,         FALSE, "SPA-выходные",                  "Spa weekends",            1500 },
};

static const char * const one_off_reasons_ru[] = {
  "День рождения", "Извинение за ожидание", "Подруга мастера", "Первый визит по рекомендации",
  "Сотрудник студии", "Переделка по жалобе",
};
static const char * const one_off_reasons_en[] = {
  "Birthday", "Sorry for the wait", "Friend of the master", "First visit by a referral",
  "Staff member", "Redo after a complaint",
};
static const char * const refund_products_ru[] = {
  "Средство не подошло, вернули закрытым", "Аллергия на средство", "Передумали, вернули в тот же день",
  "Подарок не понравился",
};
static const char * const refund_services_ru[] = {
  "Пробили лишнюю услугу", "Услугу не сделали: не хватило времени", "Не устроил результат",
};
static const char * const refund_products_en[] = {
  "Did not suit, returned unopened", "Allergic to the product", "Changed their mind the same day",
  "An unwanted gift",
};
static const char * const refund_services_en[] = {
  "Charged for a service not done", "Not done: the time ran out", "Unhappy with the result",
};

const Lang gen_lang_ru = {
  female_ru, G_N_ELEMENTS (female_ru),
  male_ru, G_N_ELEMENTS (male_ru),
  surnames_ru, G_N_ELEMENTS (surnames_ru),
  patronymics_ru, G_N_ELEMENTS (patronymics_ru),
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
  POOL (wanted_ru),
  POOL (remarks_ru),
  { POOL (refusal_product_ru), POOL (refusal_staff_ru), POOL (refusal_irritating_ru) },
  { POOL (calls_booked_ru), POOL (calls_call_back_ru), POOL (calls_not_interested_ru), POOL (calls_no_answer_ru) },
  POOL (tasks_ru),
  POOL (visit_notes_ru),
  tags_ru,
  POOL (email_domains_ru),
  mobile_codes_ru, G_N_ELEMENTS (mobile_codes_ru),
  "Отпуск", "Больничный", "Обучение", "Новый год", NULL,
  5000,
  POOL (one_off_reasons_ru),
  { POOL (refund_products_ru), POOL (refund_services_ru) },
  "Поставка",
};

const Lang gen_lang_en = {
  female_en, G_N_ELEMENTS (female_en),
  male_en, G_N_ELEMENTS (male_en),
  surnames_en, G_N_ELEMENTS (surnames_en),
  NULL, 0,
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
  POOL (wanted_en),
  POOL (remarks_en),
  { POOL (refusal_product_en), POOL (refusal_staff_en), POOL (refusal_irritating_en) },
  { POOL (calls_booked_en), POOL (calls_call_back_en), POOL (calls_not_interested_en), POOL (calls_no_answer_en) },
  POOL (tasks_en),
  POOL (visit_notes_en),
  tags_en,
  POOL (email_domains_en),
  NULL, 0,
  "Holiday", "Sick leave", "Training", "New Year’s Day", "Christmas Day",
  50,
  POOL (one_off_reasons_en),
  { POOL (refund_products_en), POOL (refund_services_en) },
  "Delivery",
};
