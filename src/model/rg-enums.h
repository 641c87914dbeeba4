/* rg-enums.h — enumerations of the model; their nicks are what the
 * database stores, so they never change once released.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  RG_GENDER_UNSET,   /*< nick=unset >*/
  RG_GENDER_FEMALE,  /*< nick=female >*/
  RG_GENDER_MALE,    /*< nick=male >*/
  RG_GENDER_OTHER,   /*< nick=other >*/
} RgGender;

typedef enum {
  RG_STAFF_ROLE_MASTER,         /*< nick=master >*/
  RG_STAFF_ROLE_ADMINISTRATOR,  /*< nick=administrator >*/
  RG_STAFF_ROLE_DIRECTOR,       /*< nick=director >*/
  RG_STAFF_ROLE_RESOURCE,       /*< nick=resource >*/
} RgStaffRole;

typedef enum {
  RG_APPOINTMENT_BOOKED,     /*< nick=booked >*/
  RG_APPOINTMENT_CONFIRMED,  /*< nick=confirmed >*/
  RG_APPOINTMENT_ARRIVED,    /*< nick=arrived >*/
  RG_APPOINTMENT_DONE,       /*< nick=done >*/
  RG_APPOINTMENT_CANCELLED,  /*< nick=cancelled >*/
  RG_APPOINTMENT_NO_SHOW,    /*< nick=no_show >*/
} RgAppointmentStatus;

typedef enum {
  RG_INTERACTION_CALL,       /*< nick=call >*/
  RG_INTERACTION_NOTE,       /*< nick=note >*/
  RG_INTERACTION_COMPLAINT,  /*< nick=complaint >*/
  RG_INTERACTION_TASK,       /*< nick=task >*/
  RG_INTERACTION_GIFT,       /*< nick=gift >*/
  RG_INTERACTION_MESSAGE,    /*< nick=message >*/
  RG_INTERACTION_SYSTEM,     /*< nick=system >*/
} RgInteractionKind;

typedef enum {
  RG_FIELD_TEXT,    /*< nick=text >*/
  RG_FIELD_NUMBER,  /*< nick=number >*/
  RG_FIELD_DATE,    /*< nick=date >*/
  RG_FIELD_CHOICE,  /*< nick=choice >*/
} RgFieldKind;

typedef enum {
  RG_PHOTO_OTHER,   /*< nick=other >*/
  RG_PHOTO_BEFORE,  /*< nick=before >*/
  RG_PHOTO_AFTER,   /*< nick=after >*/
} RgPhotoKind;

/* What a product is: sold at the desk, or used in services. */
typedef enum {
  RG_PRODUCT_RETAIL,    /*< nick=product >*/
  RG_PRODUCT_MATERIAL,  /*< nick=material >*/
} RgProductKind;

/* What a product's stock is counted in. */
typedef enum {
  RG_UNIT_PIECES,       /*< nick=pcs >*/
  RG_UNIT_ML,           /*< nick=ml >*/
  RG_UNIT_GRAMS,        /*< nick=g >*/
} RgProductUnit;

typedef enum {
  RG_CONDITION_ALLERGY,           /*< nick=allergy >*/
  RG_CONDITION_CONTRAINDICATION,  /*< nick=contraindication >*/
} RgConditionKind;

typedef enum {
  RG_COMPLAINT_OPEN,       /*< nick=open >*/
  RG_COMPLAINT_RESOLVED,   /*< nick=resolved >*/
  RG_COMPLAINT_ESCALATED,  /*< nick=escalated >*/
} RgComplaintStatus;

/* What a commit changed, in the model's terms: what views subscribe to
 * (RgStudio::changes), never table names. */
typedef enum { /*< flags >*/
  RG_CHANGES_NONE         = 0,
  RG_CHANGES_CLIENTS      = 1 << 0,  /* clients and what is theirs: tags, fields, medical marks, photos */
  RG_CHANGES_APPOINTMENTS = 1 << 1,  /* appointments and their services */
  RG_CHANGES_TIMELINE     = 1 << 2,  /* notes, calls, tasks, complaints */
  RG_CHANGES_RATINGS      = 1 << 3,  /* ratings and questionnaire answers */
  RG_CHANGES_SCHEDULE     = 1 << 4,  /* working hours and days off */
  RG_CHANGES_STAFF        = 1 << 5,
  RG_CHANGES_SERVICES     = 1 << 6,
  RG_CHANGES_SETTINGS     = 1 << 7,  /* the studio's settings and lists: fields, conditions, tags,
                                      * products, promotions, card tiers, pay rates */
  RG_CHANGES_MONEY        = 1 << 8,  /* sales, their lines and payments, refunds, stock moves */
  RG_CHANGES_SESSION      = 1 << 9,  /* who is signed in (and so what they may see) changed; profiles */
} RgChanges;

G_END_DECLS
